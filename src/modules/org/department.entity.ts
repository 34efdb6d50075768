import { Entity, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';

/** A department of the operator (the response center, operations, construction...). */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'department' })
export class Department extends BaseEntity {
  @Field({ description: 'short stable code, e.g. KX (the response center)' })
  @Property()
  @Unique()
  code!: string;

  @Field()
  @Property()
  name!: string;
}
