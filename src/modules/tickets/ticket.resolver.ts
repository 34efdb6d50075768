import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import { connectionType, toConnection } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { lookupKey } from '../../graphql/lookup-key';
import { PageArgs } from '../../graphql/page-args';
import { CENTER_STAFF, READ_CENTER_DATA } from '../auth/access';
import { Ticket } from './ticket.entity';
import { OpenTicketInput, SubmitReportInput, TicketFilter, TicketOrder, TransitionTicketInput, UpdateTicketInput } from './ticket.inputs';
import { TicketReport } from './ticket-report.entity';

export const TicketConnection = connectionType(Ticket, 'Ticket');

@Resolver(() => Ticket)
export class TicketResolver {
  @Authorized(...READ_CENTER_DATA)
  @Query(() => TicketConnection)
  async tickets(
    @Args() page: PageArgs,
    @Ctx() ctx: AppContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg('orderBy', () => TicketOrder, { nullable: true }) orderBy?: TicketOrder,
  ) {
    const found = await ctx.services.tickets.list(ctx, page, filter, orderBy);
    for (const customer of found.customers) ctx.loaders.customerById.prime(customer.id, customer);
    for (const user of found.users) ctx.loaders.userById.prime(user.id, user);
    return toConnection(TicketConnection, found);
  }

  @Authorized(...READ_CENTER_DATA)
  @Query(() => Ticket, { nullable: true })
  ticket(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('number', () => String, { nullable: true, description: 'instead of id: the ticket number, e.g. KX-2026-000123' }) number?: string,
  ): MaybePromise<Row<Ticket> | null> {
    const key = lookupKey({ id, number });
    return key.field === 'id' ? ctx.services.tickets.find(ctx, key.value) : ctx.services.tickets.findByNumber(ctx, key.value);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => Ticket, { description: 'opens a ticket; deadlines come from the SLA policy on the working-day calendar' })
  openTicket(@Arg('input') input: OpenTicketInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.tickets.open(ctx, input);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => Ticket)
  updateTicket(@Arg('input') input: UpdateTicketInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.tickets.update(ctx, input);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => Ticket, { description: 'moves the ticket to another TMF621 state; illegal moves are refused with the allowed ones' })
  transitionTicket(@Arg('input') input: TransitionTicketInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.tickets.transition(ctx, input);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => Ticket)
  addTicketNote(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: AppContext,
    @Arg('visibleToCustomer', () => Boolean, {
      defaultValue: false,
      description: 'the customer may read it; notes are internal by default',
    })
    visibleToCustomer: boolean,
  ): Promise<Ticket> {
    return ctx.services.tickets.addNote(ctx, ticketId, note, visibleToCustomer);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => Ticket, {
    description: '首问负责制: the owner (or a supervisor or administrator) hands the ticket to a colleague, saying why',
  })
  handOverTicket(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('toUserId', () => ID) toUserId: string,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: AppContext,
  ): Promise<Ticket> {
    return ctx.services.ticketOwnership.handOver(ctx, ticketId, toUserId, note);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => TicketReport)
  submitReport(@Arg('input') input: SubmitReportInput, @Ctx() ctx: AppContext): Promise<TicketReport> {
    return ctx.services.tickets.submitReport(ctx, input);
  }
}
