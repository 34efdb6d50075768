import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { Department } from '../../modules/org/department.entity';
import { User } from '../../modules/org/user.entity';
import { HandoverDocuments, HandoverRework, HandoverWork } from './handover-acceptance.types';

/**
 * What the handover-acceptance procedure (交维验收, DOMAIN.md procedure 7) keeps beside its ticket:
 * the works and contractor as requested, the application's documents, the rework rounds and the
 * defects sent back, and when the support office's final approval handed the circuits over. One
 * per ticket; the tests of each round are rows of their own (HandoverTest).
 */
@ObjectType({ simpleResolvers: true, description: 'a handover acceptance (交维验收): works, contractor, rounds, tests, approval' })
@Entity({ tableName: 'handover_acceptance' })
export class HandoverAcceptance {
  [OptionalProps]?: 'version' | 'reworkRounds' | 'defects' | 'reworks';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @HeldInRow()
  @Field(() => [HandoverWork], { description: 'the ducts, fiber and equipment accepted' })
  @Property({ type: 'json' })
  works!: HandoverWork[];

  @ManyToOne(() => Department, { ref: true })
  contractorDepartment!: Ref<Department>;

  /** a named contractor: its tasks are given to that person */
  @ManyToOne(() => User, { ref: true, nullable: true })
  contractorUser?: Ref<User> | null;

  /** who maintains the circuits once approved: recorded on each circuit then */
  @ManyToOne(() => Department, { ref: true })
  maintainingDepartment!: Ref<Department>;

  @Field(() => HandoverDocuments, { nullable: true, description: 'the application documents (null: not submitted yet)' })
  @Property({ type: 'json', nullable: true })
  documents?: HandoverDocuments | null;

  @Field(() => Int, { description: 'how many times the works went back to the contractor for rework (整改)' })
  @Property({ type: 'int', default: 0 })
  reworkRounds: number = 0;

  @HeldInRow()
  @Field(() => [String], { description: 'the defects of the last round sent back (empty when none)' })
  @Property({ type: 'json', default: '[]' })
  defects: string[] = [];

  @HeldInRow()
  @Field(() => [HandoverRework], { description: 'each rework the contractor reported, oldest first' })
  @Property({ type: 'json', default: '[]' })
  reworks: HandoverRework[] = [];

  @Field()
  @Property({ type: 'timestamptz' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'when the contractor submitted the application' })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "the support office's final approval (null: not approved yet)" })
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt?: Date | null;

  @Property({ version: true })
  version!: number;
}
