import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Customer } from './customer.entity';

/** A person at the customer the center talks to. Confidential: staff only (see the auth issue). */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'contact' })
export class Contact extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @Field()
  @Property()
  name!: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  @Property({ nullable: true })
  email?: string;

  @Field({ description: 'the first person to call' })
  @Property()
  primary: boolean = false;
}
