import { IsOptional, IsPositive, Matches } from 'class-validator';
import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import { IdField, OptionalIdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { orderInput } from '../../graphql/order-input';
import { SortDirection } from '../../graphql/sort-direction';
import { Text } from '../../graphql/text-fields';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { AccessTechnology, CircuitServiceType, CircuitStatus } from './circuit.enums';

@InputType()
export class CreateCircuitInput extends IdempotentInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9/-]{2,47}$/, { message: 'code must be 3-48 capital letters, digits, / or -' })
  code!: string;

  @IdField()
  customerId!: string;

  @Field(() => CircuitServiceType)
  serviceType!: CircuitServiceType;

  @Field(() => Float)
  @IsPositive()
  bandwidthMbps!: number;

  @Field()
  @Text(TEXT_LIMITS.name, { min: 1 })
  aEnd!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.name, { min: 1 })
  zEnd?: string;

  @Field(() => AccessTechnology)
  accessTechnology!: AccessTechnology;

  @Field(() => CircuitStatus, { defaultValue: CircuitStatus.feasibilityChecked })
  status!: CircuitStatus;
}

@InputType()
export class UpdateCircuitInput {
  @IdField()
  id!: string;

  @Field(() => Int, { description: 'the version you read; a stale one is refused with CONFLICT' })
  version!: number;

  @Field(() => CircuitServiceType, { nullable: true })
  serviceType?: CircuitServiceType;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsPositive()
  bandwidthMbps?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.name, { min: 1 })
  aEnd?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.name, { min: 1 })
  zEnd?: string;

  @Field(() => AccessTechnology, { nullable: true })
  accessTechnology?: AccessTechnology;

  @Field(() => CircuitStatus, { nullable: true })
  status?: CircuitStatus;
}

@InputType()
export class CircuitFilter {
  @Field({ nullable: true, description: 'matches code, A end or Z end, case-insensitive' })
  @IsOptional()
  @Text(TEXT_LIMITS.search)
  search?: string;

  @OptionalIdField()
  customerId?: string;

  @Field(() => [CircuitStatus], { nullable: true })
  statuses?: CircuitStatus[];

  @Field(() => [CircuitServiceType], { nullable: true })
  serviceTypes?: CircuitServiceType[];

  @Field({ defaultValue: false })
  includeArchived!: boolean;
}

export enum CircuitOrderField {
  CREATED_AT = 'CREATED_AT',
  CODE = 'CODE',
}
registerEnumType(CircuitOrderField, { name: 'CircuitOrderField' });

export const CircuitOrder = orderInput(CircuitOrderField, 'Circuit', SortDirection.ASC);
export type CircuitOrder = InstanceType<typeof CircuitOrder>;
