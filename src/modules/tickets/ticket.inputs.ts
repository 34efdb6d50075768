import { ArrayMaxSize, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { orderInput } from '../../graphql/order-input';
import { SortDirection } from '../../graphql/sort-direction';
import { ServiceLevel } from '../customers/customer.enums';
import { ReportKind, TicketChannel, TicketKind, TicketPriority, TicketSeverity, TicketStatus } from './ticket.enums';

@InputType()
export class OpenTicketInput {
  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field(() => TicketChannel)
  channel!: TicketChannel;

  @Field()
  @Length(1, 200)
  title!: string;

  @Field({ defaultValue: '' })
  @MaxLength(20000)
  description!: string;

  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID)
  customerId!: string;

  @IsUUID('all', { each: true, message: 'each must be an id (UUID)' })
  @Field(() => [ID], { defaultValue: [], description: 'affected circuits; each must belong to the customer' })
  @ArrayMaxSize(200)
  circuitIds!: string[];

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM })
  priority!: TicketPriority;

  @Field(() => TicketSeverity, { nullable: true })
  severity?: TicketSeverity;

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true, description: 'owner department; the response center when omitted' })
  ownerDepartmentId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true })
  assigneeId?: string;
}

@InputType()
export class UpdateTicketInput {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'the version you read; a stale one is refused with CONFLICT' })
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(() => TicketPriority, { nullable: true })
  priority?: TicketPriority;

  @Field(() => TicketSeverity, { nullable: true })
  severity?: TicketSeverity;

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true })
  ownerDepartmentId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @IsOptional()
  @IsUUID('all', { each: true, message: 'each must be an id (UUID)' })
  @Field(() => [ID], { nullable: true, description: 'replaces the affected circuits' })
  @IsOptional()
  @ArrayMaxSize(200)
  circuitIds?: string[];
}

@InputType()
export class TransitionTicketInput {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID)
  id!: string;

  @Field(() => TicketStatus)
  to!: TicketStatus;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string;

  @Field(() => Int, { nullable: true, description: 'when given, refused with CONFLICT if the ticket changed since' })
  version?: number;
}

@InputType()
export class SubmitReportInput {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID)
  ticketId!: string;

  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field()
  @Length(1, 200)
  title!: string;

  @Field()
  @Length(1, 100000)
  content!: string;
}

@InputType()
export class DateRange {
  @Field({ nullable: true })
  from?: Date;

  @Field({ nullable: true, description: 'exclusive' })
  to?: Date;
}

@InputType()
export class TicketFilter {
  @Field(() => [TicketKind], { nullable: true })
  kinds?: TicketKind[];

  @Field(() => [TicketStatus], { nullable: true })
  statuses?: TicketStatus[];

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => [ServiceLevel], { nullable: true })
  serviceLevels?: ServiceLevel[];

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be an id (UUID)' })
  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field({ nullable: true, description: 'still open and past its resolution deadline (true), or not (false)' })
  overdue?: boolean;

  @Field(() => DateRange, { nullable: true })
  createdIn?: DateRange;

  @Field({ nullable: true, description: 'matches number, title or description, case-insensitive' })
  @IsOptional()
  @MaxLength(200)
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
