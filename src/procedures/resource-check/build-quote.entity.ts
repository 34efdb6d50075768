import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { QuoteDecision, QuotePart } from './resource-check.enums';

/**
 * One answer of a construction department (with procurement's cost and cycle) for the new build a
 * check needs, and how it stood against the duration rules. A quote pushed back is answered again
 * in a new round: earlier rounds stay as they were (nothing is overwritten).
 */
@ObjectType({ simpleResolvers: true, description: 'a new-build quote, one per round, checked against the duration rules' })
@Entity({ tableName: 'build_quote' })
@Unique({ properties: ['checkId', 'part', 'round'] })
export class BuildQuote {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'uuid' })
  checkId!: string;

  @Field(() => QuotePart)
  @Enum({ items: () => QuotePart })
  part!: QuotePart;

  @Field(() => Int, { description: '1 for the first answer, one more each time it was pushed back' })
  @Property({ type: 'int' })
  round!: number;

  @Field({ description: 'the works needed (工程量)' })
  @Property({ type: 'text' })
  works!: string;

  @Field(() => Int, { description: 'the whole investment in CNY, equipment included' })
  @Property({ type: 'int' })
  investmentCny!: number;

  @Field(() => Int, { nullable: true, description: "procurement's equipment cost in CNY" })
  @Property({ type: 'int', nullable: true })
  equipmentCostCny?: number | null;

  @Field(() => Int, { nullable: true, description: "procurement's purchase cycle, working days" })
  @Property({ type: 'int', nullable: true })
  purchaseCycleDays?: number | null;

  @Field({ description: 'new ducts are to be built' })
  @Property()
  newDucts!: boolean;

  @Field(() => Int, { nullable: true, description: 'ducts and poles, working days after permits' })
  @Property({ type: 'int', nullable: true })
  ductDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'fiber laying, working days after ducts are usable' })
  @Property({ type: 'int', nullable: true })
  fiberDays?: number | null;

  @Field(() => Int, { nullable: true, description: "CPE installation, working days after the customer's room is ready" })
  @Property({ type: 'int', nullable: true })
  cpeDays?: number | null;

  @Field(() => Int, { description: 'the whole single-point access, working days' })
  @Property({ type: 'int' })
  totalDays!: number;

  @Field(() => String, { nullable: true, description: 'departments to coordinate during access' })
  @Property({ type: 'text', nullable: true })
  coordination?: string | null;

  @Field({ description: 'over one of the duration rules: the center pushes it back or accepts it with a reason' })
  @Property()
  overRule!: boolean;

  @Field(() => [String], { description: 'each rule it is over, with its limit and the quoted days' })
  @HeldInRow()
  @Property({ type: 'json' })
  findings!: string[];

  @Field(() => QuoteDecision, {
    nullable: true,
    description: 'over its rule: what the center decided (null: within the rules, or not decided yet)',
  })
  @Enum({ items: () => QuoteDecision, nullable: true })
  decision?: QuoteDecision | null;

  @Field(() => String, { nullable: true, description: 'why the center accepted it, or what it asked to change' })
  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  quotedAt!: Date;
}
