import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, staleVersion } from '../shared/domain-error';
import type { BaseEntity } from './base.entity';
import { findById } from './find-by-id';

/**
 * Loads a record a client wants to change, refusing a missing one (NOT_FOUND) and a stale read
 * (CONFLICT). The version column guards the race between this check and the write as well.
 */
export async function loadForChange<T extends BaseEntity>(em: EntityManager, entity: new () => T, id: string, version: number): Promise<T> {
  const found = await findById(em, entity, id);
  if (!found) throw notFound(entity.name, id);
  if (found.version !== version) throw staleVersion(entity.name, id, version, found.version);
  return found;
}
