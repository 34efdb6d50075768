import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isUuid } from './find-by-id';

/**
 * Loads entities by id in one `IN (...)` query per tick. Entities the request already holds
 * (for instance joined into a page query) are served from the identity map without SQL.
 */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: new () => T): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const uow = em.getUnitOfWork();
    const known = new Map<string, T>();
    const missing: string[] = [];
    for (const id of ids) {
      const held = uow.getById<T>(entity.name, id as never);
      if (held && wrap(held).isInitialized()) known.set(id, held);
      else missing.push(id);
    }
    const wellFormed = missing.filter(isUuid);
    if (wellFormed.length > 0) {
      const rows = await em.find(entity, { id: { $in: wellFormed } } as never);
      for (const row of rows) known.set(row.id, row);
    }
    return ids.map((id) => known.get(id) ?? null);
  });
}

/** Groups rows fetched for many keys into one list per key, in the order the query returned them. */
export function groupBy<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
