import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../org/user.entity';
import { ProcessInstance } from './process-instance.entity';

/** Every activity an instance entered and left, with times and who completed it. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'process_activity' })
@Index({ properties: ['instance', 'id'] })
export class ActivityRecord {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => ProcessInstance, { ref: true })
  instance!: Ref<ProcessInstance>;

  @Field()
  @Property()
  elementId!: string;

  @Property()
  executionId!: string;

  @Field()
  @Property()
  type!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  name?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  enteredAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  leftAt?: Date | null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  completedBy?: Ref<User> | null;
}
