import type { EntityManager } from '@mikro-orm/postgresql';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** Finds by primary key; an id that is not a UUID simply matches nothing (instead of a SQL error). */
export async function findById<T extends object>(em: EntityManager, entity: new () => T, id: string): Promise<T | null> {
  if (!isUuid(id)) return null;
  return em.findOne(entity, { id } as never);
}
