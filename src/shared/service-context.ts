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

/** The member of staff a request's token names, as confirmed when the request was authenticated. */
export interface StaffPrincipal {
  readonly id: string;
  readonly code: string;
  readonly roles: readonly string[];
  readonly departmentCode: string;
}

/** What a service method gets from its caller: the request's EntityManager and the actor. */
export interface ServiceContext {
  readonly em: EntityManager;
  readonly actor: Actor;
  /** set for staff requests: who they are, read once per request, so steps need not read it again */
  readonly principal?: StaffPrincipal | null;
}

/** A customer token sees only its own customer's records; staff and the system see all. */
export const mayAccessCustomer = (actor: Actor, customerId: string): boolean =>
  actor.kind !== 'customer' || actor.customerId === customerId;

/** No customer has this id: a customer token asking for another customer's records gets none. */
export const NO_CUSTOMER = '00000000-0000-0000-0000-000000000000';

/**
 * The customer a list is narrowed to: for a customer token always its own (by the token's kind,
 * never by whether an id happens to be set), and none at all when it asks for another's; for staff,
 * what the filter asked (or no narrowing).
 */
export function listCustomerScope(actor: Actor, requested: string | null | undefined): string | null {
  if (actor.kind !== 'customer') return requested ?? null;
  if (requested && requested !== actor.customerId) return NO_CUSTOMER;
  return actor.customerId ?? NO_CUSTOMER;
}
