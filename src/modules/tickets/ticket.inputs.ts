import { ArrayMaxSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { IdField, IdListField, OptionalIdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { orderInput } from '../../graphql/order-input';
import { SortDirection } from '../../graphql/sort-direction';
import { InDateRange, Text } from '../../graphql/text-fields';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { ServiceLevel } from '../customers/customer.enums';
import { ReportKind, TicketChannel, TicketKind, TicketPriority, TicketSeverity, TicketStatus } from './ticket.enums';

/** A complaint's facts, as told at intake: the hub grades the complaint's severity by them (DOMAIN.md procedure 5). */
@InputType()
export class ComplaintFactsInput {
  @Field({ description: 'what the complaint is about; complaints on one matter are counted together' })
  @Text(TEXT_LIMITS.title, { min: 1 })
  matter!: string;

  @Field(() => Int, { description: 'sites affected (more than 20 make it major)' })
  @Min(0)
  @Max(100_000)
  affectedSites!: number;

  @Field({ description: 'it affects safety' })
  safetyRisk!: boolean;

  @Field({ description: 'it may bring collective lawsuits or media exposure' })
  publicExposureRisk!: boolean;

  @Field({ description: 'a mass incident (crisis)' })
  massIncident!: boolean;
}

@InputType()
export class OpenTicketInput extends IdempotentInput {
  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field(() => TicketChannel)
  channel!: TicketChannel;

  @Field()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title!: string;

  @Field({ defaultValue: '' })
  @Text(TEXT_LIMITS.text)
  description!: string;

  @IdField()
  customerId!: string;

  @IdListField({ defaultValue: [], description: 'affected circuits; each must belong to the customer' })
  @ArrayMaxSize(200)
  circuitIds!: string[];

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM })
  priority!: TicketPriority;

  @Field(() => TicketSeverity, { nullable: true })
  severity?: TicketSeverity;

  @OptionalIdField({ description: 'owner department; the response center when omitted' })
  ownerDepartmentId?: string;

  @OptionalIdField()
  assigneeId?: string;

  @Field(() => Int, { nullable: true, description: 'a call: seconds until it was answered (target 20 s, 60 s when busy)' })
  @IsOptional()
  @Min(0)
  @Max(3600)
  answeredInSeconds?: number;

  @Field({ nullable: true, description: 'a call: the center was busy when it came in' })
  busy?: boolean;

  @Field(() => ComplaintFactsInput, {
    nullable: true,
    description: 'a complaint: the facts its severity is graded by (required for COMPLAINT)',
  })
  @IsOptional()
  @ValidateNested()
  complaint?: ComplaintFactsInput;
}

@InputType()
export class UpdateTicketInput {
  @IdField()
  id!: string;

  @Field(() => Int, { description: 'the version you read; a stale one is refused with CONFLICT' })
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.text)
  description?: string;

  @Field(() => TicketPriority, { nullable: true })
  priority?: TicketPriority;

  @Field(() => TicketSeverity, { nullable: true })
  severity?: TicketSeverity;

  @OptionalIdField()
  ownerDepartmentId?: string;

  @OptionalIdField()
  assigneeId?: string;

  @IdListField({ nullable: true, description: 'replaces the affected circuits' })
  @IsOptional()
  @ArrayMaxSize(200)
  circuitIds?: string[];
}

@InputType()
export class TransitionTicketInput {
  @IdField()
  id!: string;

  @Field(() => TicketStatus)
  to!: TicketStatus;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.text)
  note?: string;

  @Field(() => Int, { nullable: true, description: 'when given, refused with CONFLICT if the ticket changed since' })
  version?: number;
}

@InputType()
export class SubmitReportInput {
  @IdField()
  ticketId!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title!: string;

  @Field()
  @Text(TEXT_LIMITS.report, { min: 1 })
  content!: string;
}

@InputType()
export class DateRange {
  @Field({ nullable: true })
  @InDateRange()
  from?: Date;

  @Field({ nullable: true, description: 'exclusive' })
  @InDateRange()
  to?: Date;
}

@InputType()
export class TicketFilter {
  @Field(() => [TicketKind], { nullable: true })
  kinds?: TicketKind[];

  @Field(() => [TicketStatus], { nullable: true })
  statuses?: TicketStatus[];

  @OptionalIdField()
  customerId?: string;

  @Field(() => [ServiceLevel], { nullable: true })
  serviceLevels?: ServiceLevel[];

  @OptionalIdField()
  departmentId?: string;

  @OptionalIdField()
  assigneeId?: string;

  @Field({ nullable: true, description: 'still open and past its resolution deadline (true), or not (false)' })
  overdue?: boolean;

  @Field(() => DateRange, { nullable: true })
  @ValidateNested()
  createdIn?: DateRange;

  @Field({ nullable: true, description: 'matches number, title or description, case-insensitive' })
  @IsOptional()
  @Text(TEXT_LIMITS.search)
  search?: string;

  @Field({ defaultValue: false })
  includeArchived!: boolean;
}

export enum TicketOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  RESOLUTION_DUE_AT = 'RESOLUTION_DUE_AT',
  NUMBER = 'NUMBER',
}
registerEnumType(TicketOrderField, { name: 'TicketOrderField' });

export const TicketOrder = orderInput(TicketOrderField, 'Ticket', SortDirection.DESC);
export type TicketOrder = InstanceType<typeof TicketOrder>;
