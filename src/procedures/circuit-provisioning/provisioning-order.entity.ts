import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DispatchLevel, ProvisioningChain, ProvisioningPurpose } from './provisioning.enums';
import type { PlannedStep } from './provisioning-steps';

/**
 * A dispatch order (电路调单) or a service closure, beside its CIRCUIT_DISPATCH ticket: where it came
 * from, its deadline and the split of that deadline into step limits as planned when it arrived
 * (a later edit of the split policy leaves running orders alone). One per ticket.
 */
@ObjectType('Provisioning', { simpleResolvers: true, description: "a dispatch order's provisioning or closure (staff only)" })
@Entity({ tableName: 'provisioning_order' })
// The measure counts circuits by their order's deadline.
@Index({ properties: ['purpose', 'overallDueAt'] })
export class ProvisioningOrder {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field(() => ProvisioningPurpose)
  @Enum({ items: () => ProvisioningPurpose })
  purpose!: ProvisioningPurpose;

  @Field(() => ProvisioningChain)
  @Enum({ items: () => ProvisioningChain })
  chain!: ProvisioningChain;

  @Field(() => DispatchLevel, { description: 'where the order came from' })
  @Enum({ items: () => DispatchLevel })
  level!: DispatchLevel;

  @Field({ description: 'when the order arrived' })
  @Property({ type: 'timestamptz' })
  orderedAt!: Date;

  @Field({ description: "the order's deadline: every step's limit is a part of it" })
  @Property({ type: 'timestamptz' })
  overallDueAt!: Date;

  @Field(() => Int, { description: 'working days from the order to its deadline, split among the steps' })
  @Property({ type: 'int' })
  workingDays!: number;

  @Field(() => String, { nullable: true, description: 'the contract whose project groups this order' })
  @Property({ type: 'text', nullable: true })
  contractNumber?: string | null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  projectId?: string | null;

  @Field(() => String, { nullable: true, description: 'a closure: why the service is closed' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** the steps as planned, with when each was reminded and chased */
  @Property({ type: 'json' })
  steps!: PlannedStep[];

  @Field(() => Date, { nullable: true, description: 'when completion was reported (报竣), or the closure confirmed' })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'provisioning cycle: working days from the order to its completion' })
  @Property({ type: 'int', nullable: true })
  cycleWorkingDays?: number | null;

  @Property({ version: true })
  version!: number;
}
