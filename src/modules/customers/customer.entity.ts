import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { ArchivableEntity } from '../../db/base.entity';
import { User } from '../org/user.entity';
import { ServiceLevel } from './customer.enums';

/** An enterprise customer (集团客户). Relations are resolved by field resolvers through loaders. */
// Federation keys: a supergraph finds it by these (src/graphql/federation.ts).
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'customer' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['name', 'id'] })
export class Customer extends ArchivableEntity {
  @Field({ description: "the operator's customer code, unique" })
  @Property()
  @Unique()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field()
  @Property()
  industry!: string;

  @Field(() => ServiceLevel)
  @Enum({ items: () => ServiceLevel })
  @Index()
  serviceLevel!: ServiceLevel;

  @ManyToOne(() => User, { ref: true, index: true })
  accountManager!: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true })
  networkServiceManager?: Ref<User>;

  @Field({ description: "served across provinces or cities: cutovers touching it need the center's approval" })
  @Property()
  crossRegion: boolean = false;
}
