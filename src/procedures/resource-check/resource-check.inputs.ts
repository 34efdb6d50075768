import { ArrayMaxSize, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { NoNulCharacter, Text } from '../../graphql/text-fields';
import { TicketChannel, TicketPriority } from '../../modules/tickets/ticket.enums';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { CheckedResourceKind, ResourceCheckScope } from './resource-check.enums';
import { REQUEST_LIMITS } from './resource-check-request';

@InputType({ description: 'one resource to check: a circuit, or an outsourcing-service item (counts as one circuit)' })
export class CheckedResourceInput {
  @Field(() => CheckedResourceKind)
  kind!: CheckedResourceKind;

  @Field({ description: 'what it is, e.g. "100M internet line to building 3"' })
  @Text(TEXT_LIMITS.name, { min: 1 })
  name!: string;

  @Field({ nullable: true, description: "which of the request's sites it is for" })
  @IsOptional()
  @Text(TEXT_LIMITS.name, { min: 1 })
  site?: string;
}

/** What sales asks the center to check (资源核查): the resources, the sites, coverage, and where the answer goes. */
@InputType()
export class ResourceCheckRequestInput extends IdempotentInput {
  @IdField({ description: 'the customer the resources are for' })
  customerId!: string;

  @Field()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title!: string;

  @Field({ defaultValue: '' })
  @Text(TEXT_LIMITS.text)
  description!: string;

  @Field(() => TicketChannel, { defaultValue: TicketChannel.INTERNAL, description: 'how the request reached the center' })
  channel!: TicketChannel;

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM })
  priority!: TicketPriority;

  @Field(() => ResourceCheckScope)
  scope!: ResourceCheckScope;

  @Field({ defaultValue: false, description: 'check signal coverage too (the optimization center answers)' })
  coverageAsked!: boolean;

  @Field(() => [String], { description: `the sites to check, at least one, at most ${REQUEST_LIMITS.sites}` })
  @ArrayMaxSize(REQUEST_LIMITS.sites)
  @Length(1, TEXT_LIMITS.name, { each: true })
  @Matches(/\S/, { each: true, message: 'each site must not be blank' })
  @NoNulCharacter({ each: true })
  sites!: string[];

  @Field(() => [CheckedResourceInput], { description: `the resources to check, at least one, at most ${REQUEST_LIMITS.resources}` })
  @ArrayMaxSize(REQUEST_LIMITS.resources)
  @ValidateNested({ each: true })
  resources!: CheckedResourceInput[];
}
