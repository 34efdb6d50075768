import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID } from 'type-graphql';

interface IdFieldOptions {
  description?: string;
}

/** A required id input: declared as `ID!` and refused with BAD_USER_INPUT unless a UUID. */
export const IdField =
  (options: IdFieldOptions = {}): PropertyDecorator =>
  (target, key) => {
    IsUUID('all', { message: 'must be an id (UUID)' })(target, key as string);
    Field(() => ID, options)(target, key);
  };

/** An optional id input (`ID`), checked as a UUID when given. */
export const OptionalIdField =
  (options: IdFieldOptions = {}): PropertyDecorator =>
  (target, key) => {
    IsOptional()(target, key as string);
    IsUUID('all', { message: 'must be an id (UUID)' })(target, key as string);
    Field(() => ID, { ...options, nullable: true })(target, key);
  };

/** A list of ids (`[ID!]`), each checked as a UUID. */
export const IdListField =
  (options: IdFieldOptions & { nullable?: boolean; defaultValue?: string[] } = {}): PropertyDecorator =>
  (target, key) => {
    if (options.nullable) IsOptional()(target, key as string);
    IsUUID('all', { each: true, message: 'each must be an id (UUID)' })(target, key as string);
    Field(() => [ID], options)(target, key);
  };
