import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { TEXT_LIMITS } from '../shared/input-checks';
import { Text } from './text-fields';

/** Create inputs extend this: a retry carrying the same key returns the first result, creating nothing twice. */
@InputType('IdempotentInput')
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description: 'any unique string (e.g. a UUID) chosen by the client; a retry with the same key returns the first result',
  })
  @IsOptional()
  @Text(TEXT_LIMITS.key, { min: 1 })
  idempotencyKey?: string;
}
