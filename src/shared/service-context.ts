import type { EntityManager } from '@mikro-orm/postgresql';

/** Who is acting, as the request said (a user code); resolved to a user only when a write needs it. */
export interface Actor {
  readonly userCode: string | null;
}

/** What a service method gets from its caller: the request's EntityManager and the actor. */
export interface ServiceContext {
  readonly em: EntityManager;
  readonly actor: Actor;
}
