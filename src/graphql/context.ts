import type { EntityManager } from '@mikro-orm/postgresql';
import type { Row } from '../db/plain-rows';
import type { ConfirmedStaff } from '../modules/auth/principal';
import { circuitLoaders } from '../modules/circuits/circuit.loaders';
import { customerLoaders } from '../modules/customers/customer.loaders';
import { historyLoaders } from '../modules/history/history.loaders';
import { notificationLoaders } from '../modules/notifications/notification.loaders';
import { orgLoaders } from '../modules/org/org.loaders';
import type { User } from '../modules/org/user.entity';
import { processLoaders } from '../modules/processes/process.loaders';
import { slaLoaders } from '../modules/sla/sla.loaders';
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
    ...slaLoaders(em),
    ...notificationLoaders(em),
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
  /** The acting member of staff, confirmed when the request was authenticated (null for customers). */
  staffUser(): Promise<Row<User> | null>;
}

export interface ContextDeps {
  em: EntityManager;
  services: Services;
  clock: Clock;
}

/** One per request (and per subscription operation): nothing cached leaks between requests. */
export function createContext(deps: ContextDeps, actor: Actor, staff: ConfirmedStaff | null = null): AppContext {
  const confirmedStaff = Promise.resolve(staff?.user ?? null);
  const context = {
    actor,
    principal: staff?.principal ?? null,
    services: deps.services,
    clock: deps.clock,
    em: deps.em.fork(),
    loaders: undefined as unknown as Loaders,
    renew() {
      context.em = deps.em.fork();
      context.loaders = createLoaders(context.em);
    },
    staffUser: () => confirmedStaff,
  };
  context.loaders = createLoaders(context.em);
  return context;
}
