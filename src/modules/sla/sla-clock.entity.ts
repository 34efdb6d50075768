import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { SlaClockKind, SlaClockState } from './sla.enums';

/**
 * One deadline of one ticket, counted from the policy in force when the ticket opened. A warning
 * and a breach are each recorded once (warnedAt, breachedAt set in the same statement that finds
 * them due, so two hubs never record one twice).
 */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'sla_clock' })
@Unique({ properties: ['ticketId', 'kind'] })
@Index({ properties: ['state', 'warnAt'] })
@Index({ properties: ['state', 'dueAt'] })
export class SlaClock {
  [OptionalProps]?: 'version' | 'pausedSeconds';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field(() => SlaClockKind)
  @Enum({ items: () => SlaClockKind })
  kind!: SlaClockKind;

  @Field({ description: 'when it started counting: the ticket opened' })
  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Field({ description: 'when it is due; moves later by the time the ticket waited on the customer' })
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field({ description: 'when the owner is warned (by default at 80% of the window)' })
  @Property({ type: 'timestamptz' })
  warnAt!: Date;

  @Field(() => SlaClockState)
  @Enum({ items: () => SlaClockState })
  state!: SlaClockState;

  @Field(() => Date, { nullable: true, description: 'since when it is paused (the ticket is pending on the customer)' })
  @Property({ type: 'timestamptz', nullable: true })
  pausedAt?: Date | null;

  /** seconds paused so far (already added to the due time) */
  @Property({ default: 0 })
  pausedSeconds: number = 0;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  warnedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  breachedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'when what it counted to was done' })
  @Property({ type: 'timestamptz', nullable: true })
  metAt?: Date | null;

  @Property({ version: true })
  version!: number;
}
