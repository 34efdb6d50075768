import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { User } from '../org/user.entity';
import { Ticket } from './ticket.entity';
import { ReportKind } from './ticket.enums';

/** A fault, operation or test report attached to a ticket. Reports are never edited in place. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'ticket_report' })
export class TicketReport extends BaseEntity {
  @ManyToOne(() => Ticket, { ref: true, index: true })
  ticket!: Ref<Ticket>;

  @Field(() => ReportKind)
  @Enum({ items: () => ReportKind })
  kind!: ReportKind;

  @Field()
  @Property()
  title!: string;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @ManyToOne(() => User, { ref: true, nullable: true })
  submittedBy?: Ref<User>;

  @Field()
  @Property({ type: 'timestamptz' })
  submittedAt!: Date;

  @Field({ description: "submitted no later than the ticket's report deadline (true when none was set)" })
  @Property()
  onTime!: boolean;
}
