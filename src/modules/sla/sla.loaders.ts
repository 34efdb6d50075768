import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { SlaClock } from './sla-clock.entity';

export const slaLoaders = (em: EntityManager) => ({
  slaClocksByTicket: new DataLoader<string, Row<SlaClock>[]>(async (ticketIds) => {
    const rows = await selectRows(em, SlaClock, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)], 'kind asc');
    return groupBy(ticketIds, rows, (clock) => clock.ticketId);
  }),
});
