import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IdField, IdListField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { LIST_CAPS } from '../../graphql/list-cap';
import { Text } from '../../graphql/text-fields';
import { LocalDateScalar } from '../../modules/calendar/local-date.scalar';
import { TicketPriority } from '../../modules/tickets/ticket.enums';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { DispatchLevel, ProvisioningChain } from './provisioning.enums';

/** An order names at most as many circuits as a ticket shows. */
export const ORDER_CIRCUITS_MAX = LIST_CAPS.ticketCircuits;

/** What every order carries: the customer, its circuits, where it came from and its deadline. */
@InputType('ProvisioningOrderBase')
abstract class OrderInput extends IdempotentInput {
  @IdField()
  customerId!: string;

  @IdListField({ description: `the customer's circuits, from the inventory (1 to ${ORDER_CIRCUITS_MAX})` })
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_CIRCUITS_MAX)
  circuitIds!: string[];

  @Field(() => DispatchLevel, { description: 'where the order came from (HQ, the province, or the branch itself)' })
  level!: DispatchLevel;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "the day the work is due (China time; a holiday moves it to the next working day); the SLA policy's default when omitted",
  })
  dueDate?: string;

  @Field({ nullable: true, description: 'the ticket title (a summary of the order when omitted)' })
  @IsOptional()
  @Text(TEXT_LIMITS.title, { min: 1 })
  title?: string;

  @Field(() => TicketPriority, { defaultValue: TicketPriority.MEDIUM })
  priority!: TicketPriority;
}

@InputType({ description: 'a circuit dispatch order (电路调单) from HQ, the province or the branch' })
export class DispatchOrderInput extends OrderInput {
  @Field({ nullable: true, description: "the contract's number: orders of one contract make one project" })
  @IsOptional()
  @Text(TEXT_LIMITS.code, { min: 1 })
  contractNumber?: string;

  @Field({ nullable: true, description: "the project's name, when the order opens it (the contract number otherwise)" })
  @IsOptional()
  @Text(TEXT_LIMITS.name, { min: 1 })
  projectName?: string;

  @Field({ defaultValue: '' })
  @Text(TEXT_LIMITS.text)
  description!: string;
}

@InputType({ description: 'closing the service of circuits (业务关闭)' })
export class CloseServiceInput extends OrderInput {
  @Field({ description: 'why the service is closed (the customer cancelled, the contract ended...)' })
  @Text(TEXT_LIMITS.text, { min: 1 })
  reason!: string;
}

@InputType('ProvisioningStepShareInput')
export class StepShareInput {
  @Field({ description: "the step's key, as provisioningSplits lists it" })
  @Text(TEXT_LIMITS.code, { min: 1 })
  step!: string;

  @Field(() => Int, { description: "the step's share of the order's working days, in percent" })
  @Min(0)
  @Max(100)
  share!: number;
}

@InputType()
export class SetProvisioningSplitInput {
  @Field(() => ProvisioningChain)
  chain!: ProvisioningChain;

  @Field(() => [StepShareInput], { description: 'every step of the chain once; the shares add up to 100' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  shares!: StepShareInput[];
}
