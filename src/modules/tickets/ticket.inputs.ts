import { ArrayMaxSize, IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { IdField, IdListField, OptionalIdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { orderInput } from '../../graphql/order-input';
import { SortDirection } from '../../graphql/sort-direction';
import { InDateRange, Text } from '../../graphql/text-fields';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { ServiceLevel } from '../customers/customer.enums';
import { ReportKind, TicketChannel, TicketKind, TicketPriority, TicketSeverity, TicketStatus } from './ticket.enums';

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
