import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.entity';
import { Ticket } from '../tickets/ticket.entity';

/**
 * What one customer was told about an incident on its circuits: the fault and when service is
 * expected back (应急预案, important level). Written once per ticket and customer, never edited:
 * the unique pair is what keeps a retried step from telling a customer twice.
 */
@ObjectType({ simpleResolvers: true, description: 'a customer told of an incident on its circuits and the expected recovery' })
@Entity({ tableName: 'customer_notification' })
@Unique({ properties: ['ticket', 'customer'] })
export class CustomerNotification {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  // The ticket is not a GraphQL field: a customer reading its notifications must not reach an
  // emergency ticket that another customer reported.
  @ManyToOne(() => Ticket, { ref: true })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => Customer, { ref: true })
  @Index()
  customer!: Ref<Customer>;

  @Field(() => [String], { description: "the customer's circuits the incident affects" })
  @Property({ type: 'json' })
  circuitCodes!: string[];

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Field({ nullable: true, description: 'when service is expected back, as the responsible lead assessed it' })
  @Property({ type: 'timestamptz', nullable: true })
  expectedRecoveryAt?: Date;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
