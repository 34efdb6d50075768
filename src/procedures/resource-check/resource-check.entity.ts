import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { ResourceCheckScope } from './resource-check.enums';

/**
 * What the resource-check procedure keeps beside a RESOURCE_CHECK ticket (DOMAIN.md procedure 2):
 * the request as sales made it, and the answer the center gave (null until answered). The
 * resources are rows of their own (each is counted for 资源核查及时率); quotes too, one per round.
 */
@ObjectType({ simpleResolvers: true, description: 'a resource check: the request, its resources, quotes and answer (staff only)' })
@Entity({ tableName: 'resource_check' })
export class ResourceCheck {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field(() => ResourceCheckScope)
  @Enum({ items: () => ResourceCheckScope })
  scope!: ResourceCheckScope;

  @Field({ description: 'signal coverage is to be checked too (the optimization center answers)' })
  @Property()
  coverageAsked!: boolean;

  @Field(() => [String], { description: 'the sites to check, as sales named them' })
  @HeldInRow()
  @Property({ type: 'json' })
  sites!: string[];

  @Field()
  @Property({ type: 'timestamptz' })
  requestedAt!: Date;

  /** The branch center's review of a one-stop or in-province check (审核汇总). */
  @Field(() => String, { nullable: true, description: "one-stop and in-province: the branch center's review, submitted with the check" })
  @Property({ type: 'text', nullable: true })
  branchReview?: string | null;

  @Field(() => Date, { nullable: true, description: 'one-stop and in-province: when it was submitted to the provincial center' })
  @Property({ type: 'timestamptz', nullable: true })
  forwardedAt?: Date | null;

  // The answer, read through ResourceCheck.answer (null until the center answered).
  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  @Property({ type: 'boolean', nullable: true })
  networkReady?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  optimizationNeeded?: boolean | null;

  @Property({ type: 'boolean', nullable: true })
  resourcesSufficient?: boolean | null;

  @Property({ type: 'int', nullable: true })
  investmentCny?: number | null;

  @Property({ type: 'int', nullable: true })
  durationDays?: number | null;

  @Property({ type: 'int', nullable: true })
  purchaseCycleDays?: number | null;

  @Property({ type: 'text', nullable: true })
  answerSummary?: string | null;

  @Property({ version: true })
  version!: number;
}
