import { Field, Int, ObjectType } from 'type-graphql';
import type { Row } from '../../db/plain-rows';
import { HeldInRow } from '../../graphql/list-cap';
import { Circuit } from '../../modules/circuits/circuit.entity';
import { HandoverWorkKind } from './handover-acceptance.enums';

/** One of the works accepted: what it is and where (kept as told at the request). */
@ObjectType({ simpleResolvers: true })
export class HandoverWork {
  @Field(() => HandoverWorkKind)
  kind!: HandoverWorkKind;

  @Field({ description: 'what and where, e.g. "星湖街328号 至 园区机房 48芯光缆"' })
  description!: string;
}

/**
 * The contractor's application documents (V4.4, 4.1): the joint-review sign-off of the construction
 * office, the support office and the dispatch office (会审签证, or a mail screenshot), the completion
 * plan (竣工方案) and the as-built drawings (竣工图). Each is a list of attachment ids.
 */
@ObjectType({ simpleResolvers: true })
export class HandoverDocuments {
  @HeldInRow()
  @Field(() => [String], { description: '会审签证: the joint-review sign-off' })
  signOff!: string[];

  @HeldInRow()
  @Field(() => [String], { description: '竣工方案: the completion plan' })
  completionPlan!: string[];

  @HeldInRow()
  @Field(() => [String], { description: '竣工图: the as-built drawings' })
  asBuiltDrawings!: string[];
}

/** One rework by the contractor (整改), as it reported it. */
@ObjectType({ simpleResolvers: true })
export class HandoverRework {
  @Field(() => Int, { description: 'the rework round, from 1' })
  round!: number;

  @HeldInRow()
  @Field(() => [String], { description: 'the defects it was sent back for' })
  defects!: string[];

  @Field({ description: 'what the contractor fixed' })
  note!: string;

  @HeldInRow()
  @Field(() => [String], { description: 'revised documents (attachment ids)' })
  documents!: string[];

  @Field()
  at!: Date;
}

/** Who carries out the works and the rework (department and user resolve through loaders). */
@ObjectType({ description: 'the contractor (施工单位) of a handover acceptance' })
export class HandoverContractor {
  departmentId!: string;
  userId!: string | null;
}

/** An accepted circuit; who maintains it is read from the circuit (null until the final approval hands it over). */
@ObjectType()
export class HandoverCircuit {
  @Field(() => Circuit)
  circuit!: Row<Circuit>;
}

/** What a contractor is told on its own task: the works and, in a rework, what to fix (no customer data). */
@ObjectType({ simpleResolvers: true })
export class HandoverTaskBrief {
  @Field({ description: 'the acceptance ticket, as the center quotes it' })
  ticketNumber!: string;

  @HeldInRow()
  @Field(() => [HandoverWork])
  works!: HandoverWork[];

  @Field(() => Int, { description: 'rework rounds so far' })
  reworkRounds!: number;

  @HeldInRow()
  @Field(() => [String], { description: 'the defects to fix (empty unless sent back)' })
  defects!: string[];
}
