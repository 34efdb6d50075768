import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { LocalDateScalar } from '../../modules/calendar/local-date.scalar';
import { ServiceLevel } from '../../modules/customers/customer.enums';
import { CutoverKind, CutoverNoticeStatus } from './cutover.enums';

@ObjectType({ description: 'how long before a cutover a customer must be told' })
export class CutoverLeadTime {
  @Field(() => Int, { nullable: true, description: 'working days before the cutover day, that day not counted (null: an emergency)' })
  workingDays!: number | null;

  @Field(() => Int, { nullable: true, description: "an emergency's hours of notice (null: not an emergency)" })
  hours!: number | null;
}

/**
 * One customer a cutover affects, as a plan answers it (nothing stored: no id) or as the
 * procedure keeps it. Ids of related records are resolved by field resolvers through loaders.
 */
@ObjectType('CutoverNotice', { description: 'telling one affected customer of a cutover, through its account manager' })
export class CutoverNoticeView {
  @Field(() => ID, { nullable: true, description: 'null in a plan: nothing is stored yet' })
  id!: string | null;

  cutoverId!: string | null;
  customerId!: string;
  accountManagerId!: string | null;
  circuitIds!: string[];

  @Field(() => ServiceLevel, { description: "the customer's level when the cutover was planned" })
  serviceLevel!: ServiceLevel;

  @Field({ description: 'the customer is served across provinces or cities' })
  crossRegion!: boolean;

  @Field(() => CutoverLeadTime)
  leadTime!: CutoverLeadTime;

  @Field(() => LocalDateScalar, { description: 'the last day the customer may be told (China time)' })
  notifyBy!: string;

  @Field({ description: 'when telling is chased (催办): the close of the working day notifyBy, or 24 hours before an emergency' })
  notifyDueAt!: Date;

  @Field({ description: 'notifyBy has passed and the customer was not told (a plan: it cannot be told in time)' })
  late!: boolean;

  @Field(() => CutoverNoticeStatus)
  status!: CutoverNoticeStatus;

  @Field(() => Int, { description: 'the round of the cutover these deadlines belong to (1, one more per reschedule)' })
  round!: number;

  @Field(() => Int, { description: 'how many times the customer was told (again after each reschedule)' })
  timesTold!: number;

  @Field(() => Date, { nullable: true, description: 'when the customer was last told' })
  toldAt!: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'whether the customer accepts the time (null: not told yet)' })
  customerAgrees!: boolean | null;

  @Field(() => String, { nullable: true, description: 'why the customer refused the time' })
  refusalReason!: string | null;
}

/** What planning a cutover found: who must be told by when, who approves, and whether it can be done. */
@ObjectType({ description: 'a cutover as planned: nothing is stored' })
export class CutoverPlan {
  @Field(() => CutoverKind)
  kind!: CutoverKind;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field()
  emergency!: boolean;

  @HeldInRow()
  @Field(() => [CutoverNoticeView], { description: 'one per affected customer, most important first' })
  notices!: CutoverNoticeView[];

  @HeldInRow()
  @Field(() => [CutoverNoticeView], { description: 'the notices whose notifyBy has passed: those customers cannot be told in time' })
  late!: CutoverNoticeView[];

  @Field({ description: 'a diamond, gold or cross-region customer is affected: the response center must approve' })
  needsApproval!: boolean;

  @Field({ description: 'requestCutover would accept it now' })
  feasible!: boolean;

  @HeldInRow()
  @Field(() => [String], { description: 'why requestCutover would refuse it (empty when feasible)' })
  problems!: string[];

  @Field({ description: 'the first start, from now, at which every affected customer can still be told in time' })
  earliestStart!: Date;
}

@ObjectType({ description: 'the lead time of one service level' })
export class CutoverLevelLeadTime {
  @Field(() => ServiceLevel)
  serviceLevel!: ServiceLevel;

  @Field(() => Int)
  workingDays!: number;
}

@ObjectType({ description: 'how long before a cutover customers must be told (割接通告流程实施细则)' })
export class CutoverNoticePolicy {
  @HeldInRow()
  @Field(() => [CutoverLevelLeadTime])
  leadTimes!: CutoverLevelLeadTime[];

  @Field(() => Int, { description: 'hours of notice an emergency for a major safety hazard needs (with a written reason)' })
  emergencyHours!: number;

  @Field({ description: 'false while the built-in lead times apply' })
  changed!: boolean;

  @Field(() => Int, { description: 'the version to send when changing it (0 while built in)' })
  version!: number;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  updatedById!: string | null;
}
