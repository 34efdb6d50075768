import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { Ticket } from './ticket.entity';
import { TicketReport } from './ticket-report.entity';

export const ticketLoaders = (em: EntityManager) => ({
  ticketById: byIdLoader(em, Ticket),
  /** the tickets each ticket's procedure opened (a presales request's resource check), oldest first */
  childrenByTicket: new DataLoader<string, Row<Ticket>[]>(async (ticketIds) => {
    const rows = await selectRows(em, Ticket, 'parent_id = any(?::uuid[])', [uuidArray(ticketIds)], 'created_at asc');
    return groupBy(ticketIds, rows, (t) => t.parent?.id ?? '');
  }),
  reportsByTicket: new DataLoader<string, Row<TicketReport>[]>(async (ticketIds) => {
    const rows = await selectRows(em, TicketReport, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)], 'submitted_at asc');
    return groupBy(ticketIds, rows, (r) => r.ticket.id);
  }),
});
