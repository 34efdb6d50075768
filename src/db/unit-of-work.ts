import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent, EventBus } from '../shared/event-bus';

/** Work done in one transaction, collecting the events to announce once it commits. */
export interface UnitOfWork {
  readonly em: EntityManager;
  readonly events: DomainEvent[];
}

/** The events of the transaction the current work runs in, so a nested one hands its events up. */
const enclosing = new AsyncLocalStorage<DomainEvent[]>();

/**
 * Runs `work` so that transactions nested in it hand their events to `events` (a service task's
 * try: what it announces joins the step only when the try succeeds).
 */
export const collectingEvents = <T>(events: DomainEvent[], work: () => Promise<T>): Promise<T> => enclosing.run(events, work);

/**
 * Runs `work` in one transaction; publishes its events only after commit, never on rollback. Run
 * inside another transaction (a service called by another service's work: a savepoint), its
 * events join the outer transaction's and are published when that one commits.
 */
export async function inTransaction<T>(em: EntityManager, bus: EventBus, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const outer = em.isInTransaction() ? enclosing.getStore() : undefined;
  const events: DomainEvent[] = [];
  const result = await enclosing.run(events, () => em.transactional((trx) => work({ em: trx, events })));
  if (outer) outer.push(...events);
  else await bus.publish(events);
  return result;
}
