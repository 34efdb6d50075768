import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent, EventBus } from '../shared/event-bus';

/** Work done in one transaction, collecting the events to announce once it commits. */
export interface UnitOfWork {
  readonly em: EntityManager;
  readonly events: DomainEvent[];
}

/** Runs `work` in one transaction; publishes its events only after commit, never on rollback. */
export async function inTransaction<T>(em: EntityManager, bus: EventBus, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const events: DomainEvent[] = [];
  const result = await em.transactional((trx) => work({ em: trx, events }));
  await bus.publish(events);
  return result;
}
