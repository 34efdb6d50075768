import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CheckedResourceKind } from './resource-check.enums';

/**
 * One resource a check was asked for: a circuit, or an outsourcing-service item (counted as one
 * circuit). 资源核查及时率 counts these: resources checked on time over resources to check. Whether
 * it was on time is filled in when the check is answered, against the ticket's deadline then.
 */
@ObjectType({ simpleResolvers: true, description: 'a resource to check, and whether it was checked on time' })
@Entity({ tableName: 'checked_resource' })
@Unique({ properties: ['checkId', 'position'] })
export class CheckedResource {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'uuid' })
  checkId!: string;

  @Field(() => Int, { description: 'its place in the request, from 1' })
  @Property({ type: 'int' })
  position!: number;

  @Field(() => CheckedResourceKind)
  @Enum({ items: () => CheckedResourceKind })
  kind!: CheckedResourceKind;

  @Field({ description: 'what it is, as sales named it (e.g. 100M internet line to building 3)' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'which of the sites it is for' })
  @Property({ type: 'text', nullable: true })
  site?: string | null;

  @Field(() => Date, { nullable: true, description: 'when the check answered it (null: not answered yet)' })
  @Property({ type: 'timestamptz', nullable: true })
  checkedAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: "answered by the check's deadline (null: not answered yet)" })
  @Property({ type: 'boolean', nullable: true })
  checkedOnTime?: boolean | null;
}
