import { Entity, Enum, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Department } from './department.entity';
import { Role } from './role.enum';

/** A member of staff. The department is resolved by a field resolver through a loader. */
// Federation keys: a supergraph finds it by these (src/graphql/federation.ts).
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  @Field({ description: 'login name, stable (e.g. zhang.wei)' })
  @Property()
  @Unique()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  phone?: string;

  @ManyToOne(() => Department, { ref: true, index: true })
  department!: Ref<Department>;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true })
  roles: Role[] = [];

  /** A user who left the center is deactivated, never deleted: their tokens stop working at once. */
  @Field({ description: 'false once the user has left: their tokens are refused' })
  @Property({ default: true })
  active: boolean = true;
}
