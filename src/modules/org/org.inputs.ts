import { ArrayNotEmpty, IsEmail, IsOptional, Matches } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IdField, OptionalIdField } from '../../graphql/id-fields';
import { Text } from '../../graphql/text-fields';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { Role } from './role.enum';

@InputType()
export class CreateDepartmentInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 capital letters, digits, - or _' })
  code!: string;

  @Field()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  name!: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(/^[a-z][a-z0-9._-]{1,63}$/, { message: 'code must be 2-64 lower-case letters, digits, ".", "-" or "_"' })
  code!: string;

  @Field()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  name!: string;

  @IdField()
  departmentId!: string;

  @Field(() => [Role])
  @ArrayNotEmpty()
  roles!: Role[];

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @Text(TEXT_LIMITS.email)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.phone, { min: 3 })
  phone?: string;
}

@InputType()
export class UpdateUserInput {
  @IdField()
  id!: string;

  @Field(() => Int, { description: 'the version you read; a stale one is refused with CONFLICT' })
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.shortName, { min: 1 })
  name?: string;

  @OptionalIdField()
  departmentId?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  roles?: Role[];

  @Field({ nullable: true, description: 'false deactivates the user: their tokens are refused from the next request on' })
  @IsOptional()
  active?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  @Text(TEXT_LIMITS.email)
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(TEXT_LIMITS.phone, { min: 3 })
  phone?: string;
}
