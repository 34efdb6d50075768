import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What the service-request procedure keeps beside a consultation: how fast a call was answered
 * (客户服务响应时间规章制度: 20 s, 1 min when the center is busy) and whether the center judged
 * the question complex (48 h to answer instead of 24 h). One per ticket.
 */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'service_request_intake' })
export class ServiceRequestIntake {
  [OptionalProps]?: 'version' | 'busy';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field(() => Int, { nullable: true, description: 'a call: seconds until it was answered (null: not a call, or not told)' })
  @Property({ type: 'int', nullable: true })
  answeredInSeconds?: number | null;

  @Field({ description: 'a call: the center was busy when it came in' })
  @Property({ default: false })
  busy: boolean = false;

  @Field(() => Int, { nullable: true, description: 'a call: the answer target it was held to (20 s, 60 s when busy)' })
  @Property({ type: 'int', nullable: true })
  answerTargetSeconds?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'a call: answered within its target (null: no answer time recorded)' })
  @Property({ type: 'boolean', nullable: true })
  answerMet?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'judged complex at confirmation (null: not confirmed yet)' })
  @Property({ type: 'boolean', nullable: true })
  complex?: boolean | null;

  @Field()
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  @Property({ version: true })
  version!: number;
}
