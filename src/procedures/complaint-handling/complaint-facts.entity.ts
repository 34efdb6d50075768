import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * What the complaint-handling procedure keeps beside a complaint: the facts it grades the
 * complaint by (DOMAIN.md procedure 5), as told at intake, and why it got its grade. One per
 * ticket, never changed: a later escalation is recorded in the ticket's history.
 */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'complaint_facts' })
// "≥ 10 complaints on one matter within a month" is counted at every intake.
@Index({ properties: ['matterKey', 'openedAt'] })
export class ComplaintFacts {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field({ description: 'what the complaint is about, as told' })
  @Property({ type: 'text' })
  matter!: string;

  /** the matter as complaints are grouped by it: trimmed, spaces collapsed, lower case */
  @Property({ type: 'text' })
  matterKey!: string;

  @Field(() => Int)
  @Property({ type: 'int' })
  affectedSites!: number;

  @Field()
  @Property()
  safetyRisk!: boolean;

  @Field({ description: 'may bring collective lawsuits or media exposure' })
  @Property()
  publicExposureRisk!: boolean;

  @Field()
  @Property()
  massIncident!: boolean;

  @Field(() => Int, { description: 'complaints on the same matter within 30 days, this one included, when it was opened' })
  @Property({ type: 'int' })
  sameMatterCount!: number;

  @Field(() => [String], { description: 'why it was graded as it was at intake (empty: ordinary)' })
  @Property({ type: 'json' })
  gradeReasons!: string[];

  @Field()
  @Property({ type: 'timestamptz' })
  openedAt!: Date;

  @Property({ version: true })
  version!: number;
}
