import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { CustomerNotification } from './customer-notification.entity';

/** Notifications of many tickets or customers in one statement each (no N+1 on a page). */
export const notificationLoaders = (em: EntityManager) => ({
  notificationsByTicket: new DataLoader<string, Row<CustomerNotification>[]>(async (ticketIds) => {
    const rows = await selectRows(em, CustomerNotification, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)], 'created_at asc, id asc');
    return groupBy(ticketIds, rows, (n) => n.ticket.id);
  }),
  notificationsByCustomer: new DataLoader<string, Row<CustomerNotification>[]>(async (customerIds) => {
    const rows = await selectRows(
      em,
      CustomerNotification,
      'customer_id = any(?::uuid[])',
      [uuidArray(customerIds)],
      'created_at desc, id asc',
    );
    return groupBy(customerIds, rows, (n) => n.customer.id);
  }),
});
