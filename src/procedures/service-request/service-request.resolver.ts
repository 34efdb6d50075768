import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { CENTER_STAFF, EDIT_CUSTOMERS } from '../../modules/auth/access';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { intakeByTicket } from './service-request.loaders';
import { ServiceRequestIntake } from './service-request-intake.entity';

@Resolver(() => Ticket)
export class ServiceRequestResolver {
  // The people who talk to customers explain an extension to them; a department asks the center.
  @Authorized(...EDIT_CUSTOMERS)
  @Mutation(() => Ticket, {
    description: 'a consultation answered later, before its deadline: the explanation is recorded for the customer to read',
  })
  extendDeadline(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('until', () => Date, { description: 'the new answer deadline, later than the current one' }) until: Date,
    @Arg('explanation', () => String, { description: 'what the customer was told, at most 1000 characters' }) explanation: string,
    @Ctx() ctx: AppContext,
  ): Promise<Ticket> {
    return ctx.services.serviceRequests.extendDeadline(ctx, ticketId, until, explanation);
  }

  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => ServiceRequestIntake, {
    nullable: true,
    description: 'a consultation: its call answer time and judgement (staff only)',
  })
  serviceRequest(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<ServiceRequestIntake> | null> {
    return intakeByTicket(ctx.em).load(ticket.id);
  }
}
