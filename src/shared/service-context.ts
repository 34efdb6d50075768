import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Who is acting, as the verified token said: a member of staff (resolved to a user only when
 * a write or a role check needs it) or an integrator for one customer.
 */
export interface Actor {
  readonly kind: 'staff' | 'customer' | 'system';
  readonly userCode: string | null;
  /** set for customer tokens: everything they see is narrowed to this customer */
  readonly customerId: string | null;
}

/** The hub itself (start-up deployments, timers, seeding): no person, no customer. */
export const systemActor: Actor = { kind: 'system', userCode: null, customerId: null };

/** What a service method gets from its caller: the request's EntityManager and the actor. */
export interface ServiceContext {
  readonly em: EntityManager;
  readonly actor: Actor;
}

/** A customer token sees only its own customer's records; staff and the system see all. */
export const mayAccessCustomer = (actor: Actor, customerId: string): boolean =>
  actor.kind !== 'customer' || actor.customerId === customerId;

/** The customer a list must be narrowed to, for a customer token. */
export const scopedCustomerId = (actor: Actor): string | null => (actor.kind === 'customer' ? actor.customerId : null);
