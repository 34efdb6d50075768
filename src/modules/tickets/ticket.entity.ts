import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Directive, Field, ObjectType } from 'type-graphql';
import { ArchivableEntity } from '../../db/base.entity';
import { Circuit } from '../circuits/circuit.entity';
import { Customer } from '../customers/customer.entity';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import { TicketChannel, TicketKind, TicketPriority, TicketSeverity, TicketStatus } from './ticket.enums';

/** A piece of work the center tracks end to end. Relations resolve through loaders. */
// Federation keys: a supergraph finds it by these (src/graphql/federation.ts).
@Directive('@key(fields: "id")')
@Directive('@key(fields: "number")')
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'ticket' })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['updatedAt', 'id'] })
@Index({ properties: ['resolutionDueAt', 'id'] })
@Index({ properties: ['status', 'resolutionDueAt'] })
export class Ticket extends ArchivableEntity {
  @Field({ description: 'human-readable number, e.g. KX-2026-000123' })
  @Property()
  @Unique()
  number!: string;

  @Field(() => TicketKind)
  @Enum({ items: () => TicketKind })
  @Index()
  kind!: TicketKind;

  @Field(() => TicketChannel)
  @Enum({ items: () => TicketChannel })
  channel!: TicketChannel;

  @Field()
  @Property()
  title!: string;

  @Field()
  @Property({ type: 'text' })
  description: string = '';

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToMany({ entity: () => Circuit, pivotTable: 'ticket_circuit', owner: true })
  circuits = new Collection<Circuit>(this);

  @Field(() => TicketPriority)
  @Enum({ items: () => TicketPriority })
  priority: TicketPriority = TicketPriority.MEDIUM;

  @Field(() => TicketSeverity, { nullable: true })
  @Enum({ items: () => TicketSeverity, nullable: true })
  severity?: TicketSeverity;

  @Field(() => TicketStatus)
  @Enum({ items: () => TicketStatus })
  status: TicketStatus = TicketStatus.acknowledged;

  @ManyToOne(() => Department, { ref: true, index: true })
  ownerDepartment!: Ref<Department>;

  @ManyToOne(() => User, { ref: true, nullable: true, index: true })
  assignee?: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  createdBy?: Ref<User>;

  /** The ticket whose procedure opened this one (a presales request's resource check). */
  @ManyToOne(() => Ticket, { ref: true, nullable: true, index: true })
  parent?: Ref<Ticket>;

  @Field({ description: 'first response owed to the customer by then' })
  @Property({ type: 'timestamptz' })
  responseDueAt!: Date;

  @Field({ description: 'resolved by then, on the working-day calendar' })
  @Property({ type: 'timestamptz' })
  resolutionDueAt!: Date;

  @Field({ nullable: true, description: 'the report (fault, test...) owed by then, when one is owed' })
  @Property({ type: 'timestamptz', nullable: true })
  reportDueAt?: Date;

  /** A deadline reaches into a year whose holiday schedule is not known yet: counted Monday to Friday until it is entered. */
  @Field({ description: 'a deadline reaches into a year with no holiday schedule yet; recomputed when an administrator enters that year' })
  @Property({ default: false })
  deadlinesProvisional: boolean = false;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  respondedAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt?: Date;

  @Field({ nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date;
}
