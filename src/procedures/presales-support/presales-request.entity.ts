import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { HeldInRow } from '../../graphql/list-cap';
import { ResourceCheckScope } from '../resource-check/resource-check.enums';
import { ContractCircuit, PresalesOutcome } from './presales.types';

/**
 * What presales support (售前服务, DOMAIN.md procedure 1) keeps beside a PRESALES_SUPPORT ticket:
 * the account manager's request (needs, and what a resource check would have to check), and how
 * it ended (not developed, resources short, lost, or won with its contract and delivery orders).
 */
@ObjectType({ simpleResolvers: true, description: 'a presales support request and how it ended (staff only)' })
@Entity({ tableName: 'presales_request' })
export class PresalesRequest {
  [OptionalProps]?: 'version' | 'deliveryTicketIds';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Unique()
  @Property({ type: 'uuid' })
  ticketId!: string;

  @Field({ description: "the customer's needs, as the account manager raised them" })
  @Property({ type: 'text' })
  needs!: string;

  @Field(() => ResourceCheckScope, { description: 'where its resource check is answered' })
  @Enum({ items: () => ResourceCheckScope })
  scope!: ResourceCheckScope;

  @Field({ description: 'its resource check asks for signal coverage too' })
  @Property()
  coverageAsked!: boolean;

  @HeldInRow()
  @Field(() => [String], { description: "the customer's sites" })
  @Property({ type: 'json' })
  sites!: string[];

  @HeldInRow()
  @Field(() => [ContractCircuit], { description: 'the circuits the customer wants: checked, then provisioned when won' })
  @Property({ type: 'json' })
  circuits!: ContractCircuit[];

  @HeldInRow()
  @Field(() => [String], { description: 'outsourcing-service items wanted (each checked like one circuit)' })
  @Property({ type: 'json' })
  outsourcedServices!: string[];

  @Field(() => PresalesOutcome, { nullable: true, description: 'how it ended (null while it runs)' })
  @Enum({ items: () => PresalesOutcome, nullable: true })
  outcome?: PresalesOutcome | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'won: the contract signed' })
  @Unique()
  @Property({ type: 'text', nullable: true })
  contractNumber?: string | null;

  /** Won: the provisioning orders opened for the contract's circuits, read through `deliveryOrders`. */
  @HeldInRow()
  @Property({ type: 'json' })
  deliveryTicketIds: string[] = [];

  @Property({ version: true })
  version!: number;
}
