import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { Ticket } from './ticket.entity';
import { TicketReport } from './ticket-report.entity';

export const ticketLoaders = (em: EntityManager) => ({
  ticketById: byIdLoader(em, Ticket),
  reportsByTicket: new DataLoader<string, TicketReport[]>(async (ticketIds) => {
    const rows = await em.find(TicketReport, { ticket: { $in: [...ticketIds] } }, { orderBy: { submittedAt: 'asc' } });
    return groupBy(ticketIds, rows, (r) => r.ticket.id);
  }),
});
