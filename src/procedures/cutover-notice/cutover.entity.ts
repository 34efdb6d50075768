import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../../modules/org/user.entity';
import { CutoverKind, CutoverStatus } from './cutover.enums';

/**
 * What the cutover-notice procedure (割接预通告, DOMAIN.md procedure 6) keeps beside its ticket: the
 * work, its window, whether it is an emergency and why, and where it stands. One per ticket; each
 * customer's notice and each circuit of the window are rows of their own. Only what every
 * affected customer may know is a plain field; what says something of the others it touches
 * (an important one, a refusal, the reason) is resolved for staff only (cutover-fields.resolver.ts).
 */
@ObjectType({ simpleResolvers: true, description: 'a network cutover (割接) and its window' })
@Entity({ tableName: 'cutover' })
export class Cutover {
  [OptionalProps]?: 'version' | 'round';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field(() => CutoverKind)
  @Enum({ items: () => CutoverKind })
  kind!: CutoverKind;

  @Field({ description: 'when the window opens: the affected circuits are under cutover from then' })
  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Field({ description: 'when the window closes: service is verified after it' })
  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Field({ description: 'an emergency for a major safety hazard: 24 hours of notice instead of working days' })
  @Property()
  emergency!: boolean;

  /** why it is urgent (required for an emergency), as the requesting department wrote it */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** a diamond, gold or cross-region customer is affected: the response center approves first */
  @Property()
  needsApproval!: boolean;

  @Enum({ items: () => CutoverStatus })
  status!: CutoverStatus;

  /** how many times its time was set: 1, and one more for each reschedule */
  @Property({ type: 'int', default: 1 })
  round: number = 1;

  /** the department that carries it out: reschedules it and verifies the service after it */
  @Property({ type: 'text' })
  networkTeam!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  requestedAt!: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  requestedBy?: Ref<User> | null;

  /** when the center approved or refused it, and the refusal's reason */
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  decisionReason?: string | null;

  @Field(() => Date, { nullable: true, description: 'when the service of its circuits was verified' })
  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt?: Date | null;

  @Property({ version: true })
  version!: number;
}
