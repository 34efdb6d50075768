import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { capList, MaxItems } from '../../graphql/list-cap';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import { mayAccessCustomer } from '../../shared/service-context';
import { CENTER_STAFF, READ_CENTER_DATA } from '../auth/access';
import { Customer } from '../customers/customer.entity';
import { Ticket } from '../tickets/ticket.entity';
import { CustomerNotification } from './customer-notification.entity';

/** One notification per customer a ticket touches; a page of them stays small. */
const NOTIFICATIONS_CAP = 100;

@Resolver(() => Ticket)
export class TicketNotificationsResolver {
  // Staff only: an emergency ticket lists every customer told, and a customer sees only itself.
  @Authorized(...CENTER_STAFF)
  @MaxItems(NOTIFICATIONS_CAP)
  @FieldResolver(() => [CustomerNotification], { description: `customers told of this incident (at most ${NOTIFICATIONS_CAP})` })
  notifications(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): Promise<Row<CustomerNotification>[]> {
    return capList(ctx.loaders.notificationsByTicket.load(ticket.id), NOTIFICATIONS_CAP);
  }
}

@Resolver(() => Customer)
export class CustomerNotificationsResolver {
  @Authorized(...READ_CENTER_DATA)
  @MaxItems(NOTIFICATIONS_CAP)
  @FieldResolver(() => [CustomerNotification], {
    description: `what this customer was told of incidents on its circuits, newest first (at most ${NOTIFICATIONS_CAP}); a customer token reads only its own`,
  })
  notifications(@Root() customer: Row<Customer>, @Ctx() ctx: AppContext): Promise<Row<CustomerNotification>[]> {
    // Customer roots are narrowed to the token's customer already; checked again so no path reaches another's.
    if (!mayAccessCustomer(ctx.actor, customer.id)) {
      throw new DomainError(ErrorCode.FORBIDDEN, "A customer token reads its own customer's notifications only");
    }
    return capList(ctx.loaders.notificationsByCustomer.load(customer.id), NOTIFICATIONS_CAP);
  }
}

@Resolver(() => CustomerNotification)
export class CustomerNotificationFieldsResolver {
  @FieldResolver(() => Customer)
  customer(@Root() notification: Row<CustomerNotification>, @Ctx() ctx: AppContext): MaybePromise<Row<Customer> | null> {
    return ctx.loaders.customerById.load(notification.customer.id);
  }
}
