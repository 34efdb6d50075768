import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../db/batch-loaders';
import type { Row } from '../db/plain-rows';
import type { AppContext } from '../graphql/context';
import { CENTER_STAFF } from '../modules/auth/access';
import { ProcessInstance } from '../modules/processes/process-instance.entity';
import { Ticket } from '../modules/tickets/ticket.entity';

/** Where a ticket and its procedure meet in the API. Process internals stay inside the center. */
@Resolver(() => Ticket)
export class TicketProcedureResolver {
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => ProcessInstance, { nullable: true, description: 'the procedure working on this ticket (staff only)' })
  procedure(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<ProcessInstance> | null> {
    return ctx.loaders.procedureByTicket.load(ticket.id);
  }
}

@Resolver(() => ProcessInstance)
export class InstanceTicketResolver {
  // Contractors reach instances through their tasks, but not the center's tickets.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => Ticket, { nullable: true, description: 'the ticket this procedure works on' })
  ticket(@Root() instance: Row<ProcessInstance>, @Ctx() ctx: AppContext): MaybePromise<Row<Ticket> | null> {
    return instance.ticketId ? ctx.loaders.ticketById.load(instance.ticketId) : null;
  }
}
