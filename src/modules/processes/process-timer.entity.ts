import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TimerStatus } from './process.enums';
import { ProcessInstance } from './process-instance.entity';

/** A durable timer: a poller fires due rows (SKIP LOCKED), so each fires once, even after downtime. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'process_timer' })
@Index({ properties: ['status', 'dueAt'] })
export class ProcessTimer {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => ProcessInstance, { ref: true, index: true })
  instance!: Ref<ProcessInstance>;

  @Field()
  @Property()
  elementId!: string;

  @Property()
  executionId!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => TimerStatus)
  @Enum({ items: () => TimerStatus })
  status!: TimerStatus;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  firedAt?: Date | null;

  /** a timer written as a ticket's deadline ("2 working hours before resolution deadline"): moved when that deadline moves */
  @Property({ type: 'text', nullable: true })
  follows?: string | null;
}
