import type { EntityManager } from '@mikro-orm/postgresql';
import { RecordLoader } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { ImportedTicket } from './imported-ticket.entity';

export const importLoaders = (em: EntityManager) => ({
  /** each ticket's import record (null: opened in the hub), a page of tickets in one statement */
  importByTicket: new RecordLoader<string, Row<ImportedTicket> | null>(async (ticketIds) => {
    const rows = await selectRows(em, ImportedTicket, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
    const byTicket = new Map(rows.map((row) => [row.ticketId, row]));
    return ticketIds.map((id) => byTicket.get(id) ?? null);
  }),
});
