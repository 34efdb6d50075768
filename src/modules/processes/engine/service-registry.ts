import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../../shared/event-bus';

/** What the engine knows of a service task call: the instance's variables (a copy) and its business key. */
export interface EngineServiceCall {
  readonly instanceId: string;
  readonly businessKey: string | null;
  readonly elementId: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * What a handler gets: the call, the step's transaction (each try in a savepoint of its own, so
 * what a handler writes commits or rolls back with the step) and the ticket the procedure works on.
 */
export interface ServiceCall extends EngineServiceCall {
  readonly em: EntityManager;
  readonly ticketId: string | null;
  /** what the handler announces (a ticket changed), published when the step commits */
  readonly events: DomainEvent[];
}

/** Returns variables to merge into the instance (or nothing). Throwing fails the step. Safe to run twice. */
export type ServiceHandler = (call: ServiceCall) => Promise<Record<string, unknown> | undefined>;

/** A handler as the engine calls it, once the host has supplied the transaction and the ticket. */
export type EngineServiceHandler = (call: EngineServiceCall) => Promise<Record<string, unknown> | undefined>;

/**
 * The only way a diagram reaches domain code: `<serviceTask implementation="${environment.services.name}">`
 * calls the handler registered here under `name`. Nothing else in a diagram can run code.
 */
export class ServiceRegistry {
  private readonly handlers = new Map<string, ServiceHandler>();

  register(name: string, handler: ServiceHandler): this {
    if (this.handlers.has(name)) throw new Error(`service task handler "${name}" is registered twice`);
    this.handlers.set(name, handler);
    return this;
  }

  get(name: string): ServiceHandler | undefined {
    return this.handlers.get(name);
  }

  names(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
