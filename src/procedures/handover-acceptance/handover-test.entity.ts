import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { HandoverTestKind } from './handover-acceptance.enums';

/** One check of one acceptance round, passed or failed, as the department that made it recorded it. */
@ObjectType({ simpleResolvers: true, description: 'a check of a handover acceptance round' })
@Entity({ tableName: 'handover_test' })
@Index({ properties: ['acceptanceId', 'round'] })
export class HandoverTest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  acceptanceId!: string;

  @Field(() => Int, { description: 'the acceptance round, from 1 (a rework starts the next)' })
  @Property({ type: 'int' })
  round!: number;

  @Field(() => HandoverTestKind)
  @Enum({ items: () => HandoverTestKind })
  kind!: HandoverTestKind;

  @Field()
  @Property()
  passed!: boolean;

  @Field({ description: 'department code that made the check (KX, TRANS, REGION)' })
  @Property()
  department!: string;

  @Field(() => String, { nullable: true, description: 'what the checker wrote' })
  @Property({ type: 'text', nullable: true })
  remark?: string | null;

  @Field()
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
