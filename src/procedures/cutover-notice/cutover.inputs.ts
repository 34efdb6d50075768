import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IdListField, OptionalIdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { InDateRange, Text } from '../../graphql/text-fields';
import { ServiceLevel } from '../../modules/customers/customer.enums';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { CutoverKind, CutoverNoticeStatus } from './cutover.enums';

/** More circuits than one window touches: a list past it is a mistake, not a cutover. */
export const MAX_CUTOVER_CIRCUITS = 500;

/** A cutover as the network team describes it; planCutover and requestCutover take the same. */
@InputType()
export class CutoverInput extends IdempotentInput {
  @IdListField({ description: `the circuits the work interrupts (1 to ${MAX_CUTOVER_CIRCUITS}); their customers are the ones told` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CUTOVER_CIRCUITS)
  circuitIds!: string[];

  @Field({ description: 'when the window opens' })
  @InDateRange()
  startsAt!: Date;

  @Field({ description: 'when the window closes' })
  @InDateRange()
  endsAt!: Date;

  @Field(() => CutoverKind)
  kind!: CutoverKind;

  @Field({ defaultValue: false, description: 'an emergency for a major safety hazard: needs a reason and 24 hours of notice' })
  emergency!: boolean;

  @Field({ nullable: true, description: 'why it is urgent (required for an emergency); staff only' })
  @IsOptional()
  @Text(TEXT_LIMITS.text)
  reason?: string;
}

@InputType()
export class CutoverLeadTimeInput {
  @Field(() => ServiceLevel)
  serviceLevel!: ServiceLevel;

  @Field(() => Int, { description: 'working days of notice, 0 to 30' })
  @IsInt()
  @Min(0)
  @Max(30)
  workingDays!: number;
}

@InputType()
export class SetCutoverNoticePolicyInput {
  @Field(() => [CutoverLeadTimeInput], { description: 'the levels to change; levels left out keep their lead time' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  leadTimes!: CutoverLeadTimeInput[];

  @Field(() => Int, { nullable: true, description: "an emergency's hours of notice, 1 to 168 (left out: unchanged)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(168)
  emergencyHours?: number;

  @Field(() => Int, { description: 'the version you read (0 while built in); a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(0)
  version!: number;
}

@InputType()
export class CutoverNoticeFilter {
  @OptionalIdField({ description: "a customer's notices (a customer token: only its own)" })
  customerId?: string;

  @OptionalIdField({ description: "the notices of one cutover's ticket" })
  ticketId?: string;

  @Field(() => [CutoverNoticeStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: CutoverNoticeStatus[];
}
