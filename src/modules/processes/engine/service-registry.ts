/** What a service task handler gets: the instance's variables (a copy) and its business key. */
export interface ServiceCall {
  readonly instanceId: string;
  readonly businessKey: string | null;
  readonly elementId: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Returns variables to merge into the instance (or nothing). Throwing fails the step. */
export type ServiceHandler = (call: ServiceCall) => Promise<Record<string, unknown> | undefined>;

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
