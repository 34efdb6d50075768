import type { EntityManager } from '@mikro-orm/postgresql';
import { RecordLoader } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { ComplaintFacts } from './complaint-facts.entity';

type FactsLoader = RecordLoader<string, Row<ComplaintFacts> | null>;

// One loader per request's EntityManager, kept here so the procedure's folder stays its own:
// a page of tickets costs one statement, not one each.
const loaders = new WeakMap<EntityManager, FactsLoader>();

/** The complaint facts of each ticket (null for tickets this procedure did not take in). */
export function factsByTicket(em: EntityManager): FactsLoader {
  let loader = loaders.get(em);
  if (!loader) {
    loader = new RecordLoader(async (ticketIds) => {
      const rows = await selectRows(em, ComplaintFacts, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
      return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
    });
    loaders.set(em, loader);
  }
  return loader;
}
