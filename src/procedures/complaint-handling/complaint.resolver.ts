import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { CENTER_STAFF } from '../../modules/auth/access';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { factsByTicket } from './complaint.loaders';
import { ComplaintFacts } from './complaint-facts.entity';

@Resolver(() => Ticket)
export class ComplaintFactsResolver {
  // The facts name other customers' matters and the center's risk judgement: staff only.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => ComplaintFacts, { nullable: true, description: 'a complaint: the facts it was graded by, read-only (staff only)' })
  complaint(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<ComplaintFacts> | null> {
    return factsByTicket(ctx.em).load(ticket.id);
  }
}
