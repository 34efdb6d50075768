import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Create inputs extend this: a retry carrying the same key returns the first result, creating nothing twice. */
@InputType('IdempotentInput')
export abstract class IdempotentInput {
  @Field(() => String, {
    nullable: true,
    description: 'any unique string (e.g. a UUID) chosen by the client; a retry with the same key returns the first result',
  })
  @IsOptional()
  @Length(1, 200)
  idempotencyKey?: string;
}
