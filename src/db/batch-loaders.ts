import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isUuid } from './find-by-id';
import { type Row, selectRows, uuidArray } from './plain-rows';

/**
 * Loads records by id in one statement per tick, as plain rows. Records a list query already
 * joined in are primed into the loader, so they cost no SQL at all.
 */
export function byIdLoader<E extends { id: string }>(em: EntityManager, entity: new () => E): DataLoader<string, Row<E> | null> {
  return new DataLoader<string, Row<E> | null>(async (ids) => {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length > 0 ? await selectRows(em, entity, 'id = any(?::uuid[])', [uuidArray(wellFormed)]) : [];
    const byId = new Map(rows.map((row) => [(row as { id: string }).id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Groups rows fetched for many keys into one list per key, in the order the query returned them. */
export function groupBy<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
