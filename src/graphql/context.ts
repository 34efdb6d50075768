import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../shared/clock';
import type { Actor, ServiceContext, StaffPrincipal } from '../shared/service-context';

/**
 * What the composition root adds to every request's context, by declaration merging: the
 * modules' and procedures' loaders (src/composition/loaders.ts), the services
 * (src/composition/services.ts) and the confirmed member of staff. The kit names no module.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the composition root
export interface HubLoaders {}
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the composition root
export interface HubServices {}
/** The member of staff a request acts for, as the composition root's auth confirms it. */
export interface HubStaff {
  readonly principal: StaffPrincipal;
  readonly user: HubStaffUser;
}
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the composition root
export interface HubStaffUser {}

export type Loaders = HubLoaders;

/** What every resolver gets: its own EntityManager fork and DataLoaders, the services and the clock. */
export interface AppContext extends ServiceContext {
  readonly loaders: Loaders;
  readonly services: HubServices;
  readonly clock: Clock;
  /**
   * Starts a fresh EntityManager and loaders. A subscription lives for hours: each event it
   * delivers must read the database as it is now, not from the cache of an earlier event.
   */
  renew(): void;
  /** The acting member of staff, confirmed when the request was authenticated (null for customers). */
  staffUser(): Promise<HubStaffUser | null>;
}

export interface ContextDeps {
  em: EntityManager;
  services: HubServices;
  clock: Clock;
  /** a request's DataLoaders over its own EntityManager */
  createLoaders: (em: EntityManager) => HubLoaders;
}

/** One per request (and per subscription operation): nothing cached leaks between requests. */
export function createContext(deps: ContextDeps, actor: Actor, staff: HubStaff | null = null): AppContext {
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
      context.loaders = deps.createLoaders(context.em);
    },
    staffUser: () => confirmedStaff,
  };
  context.loaders = deps.createLoaders(context.em);
  return context;
}
