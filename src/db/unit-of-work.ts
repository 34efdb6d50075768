import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent, EventBus } from '../shared/event-bus';

/** Work done in one transaction, collecting the events to announce once it commits. */
export interface UnitOfWork {
  readonly em: EntityManager;
  readonly events: DomainEvent[];
}

/** What the transaction the current work runs in collects for after its commit. */
interface Frame {
  events: DomainEvent[];
  committed: (() => void)[];
}

/** The frame of the transaction the current work runs in, so a nested one hands its events up. */
const enclosing = new AsyncLocalStorage<Frame>();

/**
 * Runs `work` so that transactions nested in it hand their events to `events` (a service task's
 * try: what it announces joins the step only when the try succeeds). What it asks to run after
 * commit joins the enclosing transaction only when `work` succeeds, too.
 */
export async function collectingEvents<T>(events: DomainEvent[], work: () => Promise<T>): Promise<T> {
  const frame: Frame = { events, committed: [] };
  const result = await enclosing.run(frame, work);
  enclosing.getStore()?.committed.push(...frame.committed);
  return result;
}

/**
 * Runs `then` once the transaction the caller works in has committed, before its events are
 * published; never if it rolls back. Outside a unit of work, or inside a transaction that is
 * not one (no commit to wait for is known), `then` is dropped: use it only for what may be lost
 * (a cache), never for what must happen.
 */
export function afterCommit(then: () => void): void {
  enclosing.getStore()?.committed.push(then);
}

/**
 * Runs `work` in one transaction; publishes its events only after commit, never on rollback. Run
 * inside another transaction (a service called by another service's work: a savepoint), its
 * events join the outer transaction's and are published when that one commits.
 */
export async function inTransaction<T>(em: EntityManager, bus: EventBus, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const outer = em.isInTransaction() ? enclosing.getStore() : undefined;
  const frame: Frame = { events: [], committed: [] };
  const result = await enclosing.run(frame, () => em.transactional((trx) => work({ em: trx, events: frame.events })));
  if (outer) {
    outer.events.push(...frame.events);
    outer.committed.push(...frame.committed);
    return result;
  }
  // Inside a transaction this one did not begin, and no unit of work knows when that one commits.
  if (!em.isInTransaction()) for (const then of frame.committed) then();
  await bus.publish(frame.events);
  return result;
}
