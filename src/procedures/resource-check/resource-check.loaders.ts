import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, RecordLoader } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { BuildQuote } from './build-quote.entity';
import { CheckedResource } from './checked-resource.entity';
import { ResourceCheck } from './resource-check.entity';

interface CheckLoaders {
  checkByTicket: RecordLoader<string, Row<ResourceCheck> | null>;
  resourcesByCheck: RecordLoader<string, Row<CheckedResource>[]>;
  quotesByCheck: RecordLoader<string, Row<BuildQuote>[]>;
}

// One set per request's EntityManager (each request and subscription event has its own), kept
// here so the procedure's folder stays its own: a page of tickets costs one statement per
// level (checks, their resources, their quotes), not one per ticket.
const loaders = new WeakMap<EntityManager, CheckLoaders>();

function loadersOf(em: EntityManager): CheckLoaders {
  let made = loaders.get(em);
  if (!made) {
    made = {
      checkByTicket: new RecordLoader(async (ticketIds) => {
        const rows = await selectRows(em, ResourceCheck, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
        const byTicket = new Map(rows.map((row) => [row.ticketId, row]));
        return ticketIds.map((id) => byTicket.get(id) ?? null);
      }),
      resourcesByCheck: new RecordLoader(async (checkIds) => {
        const rows = await selectRows(em, CheckedResource, 'check_id = any(?::uuid[])', [uuidArray(checkIds)], 'check_id, position');
        return groupBy(checkIds, rows, (row) => row.checkId);
      }),
      quotesByCheck: new RecordLoader(async (checkIds) => {
        const rows = await selectRows(em, BuildQuote, 'check_id = any(?::uuid[])', [uuidArray(checkIds)], 'check_id, part, round');
        return groupBy(checkIds, rows, (row) => row.checkId);
      }),
    };
    loaders.set(em, made);
  }
  return made;
}

/** The check kept beside each ticket (null for tickets this procedure did not take in). */
export const checkByTicket = (em: EntityManager) => loadersOf(em).checkByTicket;
/** Each check's resources, in the request's order. */
export const resourcesByCheck = (em: EntityManager) => loadersOf(em).resourcesByCheck;
/** Each check's quotes, by part and round. */
export const quotesByCheck = (em: EntityManager) => loadersOf(em).quotesByCheck;
