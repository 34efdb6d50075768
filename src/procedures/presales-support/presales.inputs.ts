import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { IdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { Text } from '../../graphql/text-fields';
import { AccessTechnology, CircuitServiceType } from '../../modules/circuits/circuit.enums';
import { TicketChannel } from '../../modules/tickets/ticket.enums';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { ResourceCheckScope } from '../resource-check/resource-check.enums';

@InputType()
export class ContractCircuitInput {
  @Field(() => CircuitServiceType)
  serviceType!: CircuitServiceType;

  @Field(() => Float)
  @Min(0.064)
  @Max(400_000)
  bandwidthMbps!: number;

  @Field()
  @Text(TEXT_LIMITS.title, { min: 1 })
  aEnd!: string;

  @Field({ nullable: true })
  @Text(TEXT_LIMITS.title)
  zEnd?: string;

  @Field(() => AccessTechnology)
  accessTechnology!: AccessTechnology;

  @Field({ nullable: true, description: 'which of the sites it serves' })
  @Text(TEXT_LIMITS.title)
  site?: string;
}

/** 协查单: the account manager asks the center for presales support (售前服务流程 1)). */
@InputType()
export class RequestPresalesSupportInput extends IdempotentInput {
  @IdField()
  customerId!: string;

  @Field()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title!: string;

  @Field({ description: "the customer's needs: what the solution must do" })
  @Text(TEXT_LIMITS.text, { min: 1 })
  needs!: string;

  @Field(() => TicketChannel, { defaultValue: TicketChannel.VISIT })
  channel!: TicketChannel;

  @Field(() => ResourceCheckScope, { defaultValue: ResourceCheckScope.LOCAL, description: 'where its resource check is answered' })
  scope!: ResourceCheckScope;

  @Field({ defaultValue: false, description: 'the resource check asks for signal coverage too' })
  coverageAsked!: boolean;

  @Field(() => [String], { description: "the customer's sites (1 to 50)" })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Text(TEXT_LIMITS.title, { min: 1, each: true })
  sites!: string[];

  @Field(() => [ContractCircuitInput], { defaultValue: [], description: 'the circuits wanted (at most 50)' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  circuits!: ContractCircuitInput[];

  @Field(() => [String], { defaultValue: [], description: 'outsourcing-service items wanted (at most 50)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Text(TEXT_LIMITS.title, { min: 1, each: true })
  outsourcedServices!: string[];
}
