import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { historyLimit } from '../../graphql/history-limit';
import { capList, LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { Circuit } from '../circuits/circuit.entity';
import { Customer } from '../customers/customer.entity';
import { SubjectType } from '../history/history.enums';
import { visibleHistory } from '../history/history.resolver';
import { HistoryEvent } from '../history/history-event.entity';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import { Ticket } from './ticket.entity';
import { TicketStatus } from './ticket.enums';
import { TicketReport } from './ticket-report.entity';
import { allowedTransitions, openStatuses } from './ticket-status';

/** Relations and derived fields of a ticket, each batched per request. */
@Resolver(() => Ticket)
export class TicketFieldsResolver {
  @FieldResolver(() => Customer)
  customer(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<Customer> | null> {
    return ctx.loaders.customerById.load(ticket.customer.id);
  }

  @MaxItems(LIST_CAPS.ticketCircuits)
  @FieldResolver(() => [Circuit], { description: `affected circuits (at most ${LIST_CAPS.ticketCircuits})` })
  circuits(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<Circuit>[]> {
    return capList(ctx.loaders.circuitsByTicket.load(ticket.id), LIST_CAPS.ticketCircuits);
  }

  @FieldResolver(() => Department)
  ownerDepartment(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return ctx.loaders.departmentById.load(ticket.ownerDepartment.id);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return ticket.assignee ? ctx.loaders.userById.load(ticket.assignee.id) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  createdBy(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return ticket.createdBy ? ctx.loaders.userById.load(ticket.createdBy.id) : null;
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'the ticket whose procedure opened this one (same customer)' })
  parent(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<Ticket> | null> {
    return ticket.parent ? ctx.loaders.ticketById.load(ticket.parent.id) : null;
  }

  @MaxItems(LIST_CAPS.ticketCircuits)
  @FieldResolver(() => [Ticket], {
    description: `the tickets its procedure opened, oldest first (a presales request's resource check; at most ${LIST_CAPS.ticketCircuits})`,
  })
  children(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<Ticket>[]> {
    return capList(ctx.loaders.childrenByTicket.load(ticket.id), LIST_CAPS.ticketCircuits);
  }

  @MaxItems(LIST_CAPS.history)
  @FieldResolver(() => [HistoryEvent], { description: `append-only history, newest first (the newest ${LIST_CAPS.history} without last)` })
  history(
    @Root() ticket: Row<Ticket>,
    @Ctx() ctx: AppContext,
    @Arg('last', () => Int, { nullable: true }) last?: number,
  ): Promise<Row<HistoryEvent>[]> {
    const events = ctx.loaders.history.load({ subjectType: SubjectType.TICKET, subjectId: ticket.id, limit: historyLimit(last) });
    return ctx.actor.kind === 'customer' ? visibleHistory(ctx, events) : events;
  }

  @MaxItems(LIST_CAPS.reports)
  @FieldResolver(() => [TicketReport], { description: `reports submitted (at most ${LIST_CAPS.reports})` })
  reports(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<TicketReport>[]> {
    return capList(ctx.loaders.reportsByTicket.load(ticket.id), LIST_CAPS.reports);
  }

  @FieldResolver(() => Boolean, { description: 'still open and past its resolution deadline' })
  overdue(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): boolean {
    return openStatuses.includes(ticket.status) && ticket.resolutionDueAt.getTime() < ctx.clock.now().getTime();
  }

  @FieldResolver(() => [TicketStatus], { description: 'the states this ticket may move to now' })
  allowedTransitions(@Root() ticket: Row<Ticket>): readonly TicketStatus[] {
    return allowedTransitions(ticket.status);
  }
}

@Resolver(() => TicketReport)
export class TicketReportFieldsResolver {
  @FieldResolver(() => User, { nullable: true })
  submittedBy(@Root() report: Row<TicketReport>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return report.submittedBy ? ctx.loaders.userById.load(report.submittedBy.id) : null;
  }

  @FieldResolver(() => Ticket)
  ticket(@Root() report: Row<TicketReport>, @Ctx() ctx: AppContext): MaybePromise<Row<Ticket> | null> {
    return ctx.loaders.ticketById.load(report.ticket.id);
  }
}
