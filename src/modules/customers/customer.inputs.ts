import { IsEmail, IsOptional, Matches } from 'class-validator';
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { IdField, OptionalIdField } from '../../graphql/id-fields';
import { IdempotentInput } from '../../graphql/idempotent-input';
import { orderInput } from '../../graphql/order-input';
import { SortDirection } from '../../graphql/sort-direction';
import { Text } from '../../graphql/text-fields';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { ServiceLevel } from './customer.enums';

@InputType()
export class CreateCustomerInput extends IdempotentInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{2,31}$/, { message: 'code must be 3-32 capital letters, digits or -' })
  code!: string;

  @Field()
  @Text(TEXT_LIMITS.name, { min: 1 })
  name!: string;

  @Field()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  industry!: string;

  @Field(() => ServiceLevel)
  serviceLevel!: ServiceLevel;

  @IdField()
  accountManagerId!: string;

  @OptionalIdField()
  networkServiceManagerId?: string;

  @Field({ defaultValue: false })
  crossRegion!: boolean;
}

@InputType()
export class UpdateCustomerInput {
  @IdField()
  id!: string;

  @Field(() => Int, { description: 'the version you read; a stale one is refused with CONFLICT' })
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.name, { min: 1 })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  industry?: string;

  @Field(() => ServiceLevel, { nullable: true })
  serviceLevel?: ServiceLevel;

  @OptionalIdField()
  accountManagerId?: string;

  @OptionalIdField()
  networkServiceManagerId?: string;

  @Field({ nullable: true })
  crossRegion?: boolean;
}

@InputType()
export class ContactFields extends IdempotentInput {
  @Field()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.shortName)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,40}$/, { message: 'phone may hold digits, spaces, +, -, ( and )' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @Text(TEXT_LIMITS.email)
  email?: string;

  @Field({ defaultValue: false })
  primary!: boolean;
}

@InputType()
export class AddContactInput extends ContactFields {
  @IdField()
  customerId!: string;
}

@InputType()
export class UpdateContactInput {
  @IdField()
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.shortName)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,40}$/, { message: 'phone may hold digits, spaces, +, -, ( and )' })
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @Text(TEXT_LIMITS.email)
  email?: string;

  @Field({ nullable: true })
  primary?: boolean;
}

@InputType()
export class CustomerFilter {
  @Field({ nullable: true, description: 'matches code or name, case-insensitive' })
  @IsOptional()
  @Text(TEXT_LIMITS.search)
  search?: string;

  @Field(() => [ServiceLevel], { nullable: true })
  serviceLevels?: ServiceLevel[];

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.shortName)
  industry?: string;

  @OptionalIdField()
  accountManagerId?: string;

  @Field({ defaultValue: false })
  includeArchived!: boolean;
}

export enum CustomerOrderField {
  CREATED_AT = 'CREATED_AT',
  NAME = 'NAME',
  CODE = 'CODE',
}
registerEnumType(CustomerOrderField, { name: 'CustomerOrderField' });

export const CustomerOrder = orderInput(CustomerOrderField, 'Customer', SortDirection.ASC);
export type CustomerOrder = InstanceType<typeof CustomerOrder>;
