import type { EntityManager } from '@mikro-orm/postgresql';
import { type Row, selectRows } from '../db/plain-rows';
import { circuitLoaders } from '../modules/circuits/circuit.loaders';
import { customerLoaders } from '../modules/customers/customer.loaders';
import { historyLoaders } from '../modules/history/history.loaders';
import { orgLoaders } from '../modules/org/org.loaders';
import { User } from '../modules/org/user.entity';
import { processLoaders } from '../modules/processes/process.loaders';
import { ticketLoaders } from '../modules/tickets/ticket.loaders';
import type { Services } from '../services';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext } from '../shared/service-context';

const createLoaders = (em: EntityManager) => {
  const org = orgLoaders(em);
  return {
    ...org,
    ...customerLoaders(em),
    ...circuitLoaders(em),
    ...ticketLoaders(em),
    ...historyLoaders(em, org.userById),
    ...processLoaders(em),
  };
};

export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver gets: its own EntityManager fork and DataLoaders, the services and the clock. */
export interface AppContext extends ServiceContext {
  readonly loaders: Loaders;
  readonly services: Services;
  readonly clock: Clock;
  /**
   * Starts a fresh EntityManager and loaders. A subscription lives for hours: each event it
   * delivers must read the database as it is now, not from the cache of an earlier event.
   */
  renew(): void;
  /** The acting member of staff, read once per request (null for customers and unknown codes). */
  staffUser(): Promise<Row<User> | null>;
}

export interface ContextDeps {
  em: EntityManager;
  services: Services;
  clock: Clock;
}

/** One per request (and per subscription operation): nothing cached leaks between requests. */
export function createContext(deps: ContextDeps, actor: Actor): AppContext {
  const context = {
    actor,
    services: deps.services,
    clock: deps.clock,
    em: deps.em.fork(),
    loaders: undefined as unknown as Loaders,
    renew() {
      context.em = deps.em.fork();
      context.loaders = createLoaders(context.em);
    },
    staffUser() {
      staff ??=
        actor.kind === 'staff' && actor.userCode
          ? selectRows(deps.em.fork(), User, 'code = ?', [actor.userCode]).then(([user]) => user ?? null)
          : Promise.resolve(null);
      return staff;
    },
  };
  let staff: Promise<Row<User> | null> | null = null;
  context.loaders = createLoaders(context.em);
  return context;
}
