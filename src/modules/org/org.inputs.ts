import { ArrayNotEmpty, IsEmail, IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { IdField, OptionalIdField } from '../../graphql/id-fields';
import { Role } from './role.enum';

@InputType()
export class CreateDepartmentInput {
  @Field()
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 capital letters, digits, - or _' })
  code!: string;

  @Field()
  @Length(1, 100)
  name!: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  @Matches(/^[a-z][a-z0-9._-]{1,63}$/, { message: 'code must be 2-64 lower-case letters, digits, ".", "-" or "_"' })
  code!: string;

  @Field()
  @Length(1, 100)
  name!: string;

  @IdField()
  departmentId!: string;

  @Field(() => [Role])
  @ArrayNotEmpty()
  roles!: Role[];

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 40)
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
  @Length(1, 100)
  name?: string;

  @OptionalIdField()
  departmentId?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayNotEmpty()
  roles?: Role[];

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 40)
  phone?: string;
}
