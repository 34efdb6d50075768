import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { User } from '../org/user.entity';
import { HistoryAction, SubjectType } from './history.enums';

@ObjectType({ simpleResolvers: true, description: 'One field that changed: its value before and after, as text' })
export class FieldChange {
  @Field()
  field!: string;

  @Field(() => String, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true })
  to!: string | null;
}

/**
 * An append-only record of a change to a ticket, customer or circuit, written in the same
 * transaction as the change itself. Rows are only ever inserted.
 */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'history_event' })
@Index({ properties: ['subjectType', 'subjectId', 'id'] })
export class HistoryEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Field(() => SubjectType)
  @Enum({ items: () => SubjectType })
  subjectType!: SubjectType;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  at!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  actor?: Ref<User>;

  @Field(() => HistoryAction)
  @Enum({ items: () => HistoryAction })
  action!: HistoryAction;

  @HeldInRow()
  @Field(() => [FieldChange])
  @Property({ type: 'json' })
  changes: FieldChange[] = [];

  @Field(() => String, { nullable: true, description: 'for customer tokens only when the note was written for the customer' })
  @Property({ type: 'text', nullable: true })
  note?: string;

  /** Notes are internal unless their author says the customer may read them. */
  @Field({ description: 'whether the customer may read the note' })
  @Property({ default: false })
  customerVisible: boolean = false;
}
