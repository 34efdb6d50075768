import type { EntityManager } from '@mikro-orm/postgresql';
import { RecordLoader } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { PresalesRequest } from './presales-request.entity';

type RequestLoader = RecordLoader<string, Row<PresalesRequest> | null>;

// One loader per request's EntityManager, kept in the procedure's folder: a page of tickets costs one statement.
const loaders = new WeakMap<EntityManager, RequestLoader>();

/** The presales request of each ticket (null for other tickets). */
export function presalesByTicket(em: EntityManager): RequestLoader {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new RecordLoader(async (ticketIds) => {
      const rows = await selectRows(em, PresalesRequest, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
      return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
    });
    loaders.set(em, loader);
  }
  return loader;
}
