import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One circuit of an order: when it was activated (or terminated), and whether it counts as
 * activated on time with its test report (电路开通及测试报告提供及时率), decided at completion.
 */
@ObjectType('ProvisionedCircuit', { simpleResolvers: true })
@Entity({ tableName: 'provisioning_circuit' })
@Unique({ properties: ['orderId', 'circuitId'] })
export class ProvisioningCircuit {
  [OptionalProps]?: 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  orderId!: string;

  /** the order's ticket, for loading a page of tickets' circuits in one statement */
  @Index()
  @Property({ type: 'uuid' })
  ticketId!: string;

  // A circuit is on one open order at a time: intake looks its other orders up.
  @Index()
  @Property({ type: 'uuid' })
  circuitId!: string;

  @Field({ description: "the circuit's status when the order arrived" })
  @Property({ type: 'text' })
  statusBefore!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  activatedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'a closure: when the service was terminated' })
  @Property({ type: 'timestamptz', nullable: true })
  terminatedAt?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "activated by the order's deadline and its test report submitted by then (null: not completed yet, or a closure)",
  })
  @Property({ type: 'boolean', nullable: true })
  activatedOnTime?: boolean | null;

  @Property({ version: true })
  version!: number;
}
