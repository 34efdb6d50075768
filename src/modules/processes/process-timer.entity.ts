import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TimerStatus } from './process.enums';
import { ProcessInstance } from './process-instance.entity';

/**
 * A durable timer: pollers claim due rows in batches (SKIP LOCKED, a lease on the row) and fire
 * each under its instance's lock, so each fires once, even after downtime or with several hubs.
 */
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

  /** the hub that claimed it last (for a fired timer: the one that fired it); see timer-claims.ts */
  @Property({ type: 'text', nullable: true })
  claimedBy?: string | null;

  /** until when that claim holds; after it, another hub may take the timer (its claimer crashed) */
  @Property({ type: 'timestamptz', nullable: true })
  claimedUntil?: Date | null;
}
