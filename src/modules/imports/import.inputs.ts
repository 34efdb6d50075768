import { ArrayMaxSize, IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxItems } from '../../graphql/list-cap';
import { InDateRange, Text } from '../../graphql/text-fields';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { Ticket } from '../tickets/ticket.entity';
import { TicketChannel, TicketKind, TicketPriority } from '../tickets/ticket.enums';

/** The most rows one `importTickets` takes: one transaction, refused whole when a row is wrong. */
export const IMPORT_BATCH_MAX = 500;
/** The most resources one historical resource check names. */
export const IMPORT_RESOURCES_MAX = 1000;

/** One ticket of the earlier system, with what the measures count of it. */
@InputType({ description: 'a ticket from the earlier system; times are instants (with their offset), none in the future' })
export class HistoricalTicketInput {
  @Field({ description: 'its id in the earlier system: importing it again is a no-op (the same facts) or refused (others)' })
  @Text(TEXT_LIMITS.key, { min: 1 })
  externalId!: string;

  @Field(() => TicketKind)
  kind!: TicketKind;

  @Field({ description: "the customer's code, as the hub knows it" })
  @Text(TEXT_LIMITS.code, { min: 1 })
  customerCode!: string;

  @Field(() => [String], { defaultValue: [], description: "codes of the customer's circuits; a provisioning ticket counts each" })
  @ArrayMaxSize(200)
  @Text(TEXT_LIMITS.code, { min: 1, each: true })
  circuitCodes!: string[];

  @Field()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title!: string;

  @Field(() => TicketChannel, { defaultValue: TicketChannel.INTERNAL })
  channel!: TicketChannel;

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM, description: 'deadlines left out are computed for it' })
  priority!: TicketPriority;

  @Field()
  @InDateRange()
  openedAt!: Date;

  @Field({ nullable: true })
  @InDateRange()
  respondedAt?: Date;

  @Field({ nullable: true, description: 'restored (faults), activated (provisioning), answered (checks, questions)' })
  @InDateRange()
  resolvedAt?: Date;

  @Field({ nullable: true })
  @InDateRange()
  closedAt?: Date;

  @Field({ nullable: true, description: 'faults (required there): whether it affected service' })
  serviceAffecting?: boolean;

  @Field({ nullable: true, description: 'as the earlier system had it; left out: computed from the SLA policy in force at openedAt' })
  @InDateRange()
  resolutionDueAt?: Date;

  @Field({ nullable: true, description: 'as the earlier system had it; left out: computed from the SLA policy in force at openedAt' })
  @InDateRange()
  reportDueAt?: Date;

  @Field({ defaultValue: true, description: 'false: no report was owed (reportDueAt then stays empty)' })
  reportOwed!: boolean;

  @Field({ nullable: true, description: 'when the report was delivered: the fault report (faults) or the test report (provisioning)' })
  @InDateRange()
  reportDeliveredAt?: Date;

  @Field(() => Int, { nullable: true, description: 'resource checks (required there): resources to check, an outsourcing item as one' })
  @IsOptional()
  @Min(1)
  @Max(IMPORT_RESOURCES_MAX)
  resourcesToCheck?: number;

  @Field(() => Int, { nullable: true, description: 'resource checks (required there): of those, checked on time' })
  @IsOptional()
  @Min(0)
  @Max(IMPORT_RESOURCES_MAX)
  resourcesCheckedOnTime?: number;
}

export enum ImportOutcome {
  IMPORTED = 'IMPORTED',
  /** imported before with the same facts: nothing changed */
  ALREADY_IMPORTED = 'ALREADY_IMPORTED',
}
registerEnumType(ImportOutcome, { name: 'ImportOutcome' });

@ObjectType({ description: 'one row of an import, in the order sent' })
export class ImportedRow {
  @Field()
  externalId!: string;

  @Field(() => ImportOutcome)
  outcome!: ImportOutcome;

  @Field(() => Ticket)
  ticket!: Ticket;
}

@ObjectType()
export class ImportResult {
  @Field(() => Int)
  imported!: number;

  @Field(() => Int, { description: 'rows imported before with the same facts (left as they were)' })
  alreadyImported!: number;

  @MaxItems(IMPORT_BATCH_MAX)
  @Field(() => [ImportedRow])
  rows!: ImportedRow[];
}
