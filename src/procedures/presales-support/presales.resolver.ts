import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { CENTER_STAFF, RAISE_SALES_REQUESTS } from '../../modules/auth/access';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { RequestPresalesSupportInput } from './presales.inputs';
import { presalesByTicket } from './presales.loaders';
import { PresalesRequest } from './presales-request.entity';

@Resolver(() => Ticket)
export class PresalesTicketResolver {
  @Authorized(...RAISE_SALES_REQUESTS)
  @Mutation(() => Ticket, {
    description: '协查单: an account manager asks the center for presales support; the presales-support procedure starts on it',
  })
  requestPresalesSupport(
    @Arg('input', () => RequestPresalesSupportInput) input: RequestPresalesSupportInput,
    @Ctx() ctx: AppContext,
  ): Promise<Ticket> {
    return ctx.services.presales.request(ctx, input);
  }

  // Sales' judgements of a customer's value and the contract: staff only.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => PresalesRequest, {
    nullable: true,
    description: 'a presales support request: what was asked and how it ended (staff only)',
  })
  presales(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<PresalesRequest> | null> {
    return presalesByTicket(ctx.em).load(ticket.id);
  }
}

@Resolver(() => PresalesRequest)
export class PresalesRequestResolver {
  @FieldResolver(() => [Ticket], { description: 'won: the provisioning orders opened for the contract, one per circuit' })
  async deliveryOrders(@Root() request: Row<PresalesRequest>, @Ctx() ctx: AppContext): Promise<Row<Ticket>[]> {
    const tickets = await ctx.loaders.ticketById.loadMany(request.deliveryTicketIds);
    return tickets.filter((t): t is Row<Ticket> => t !== null && !(t instanceof Error));
  }
}
