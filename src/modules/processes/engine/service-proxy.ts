import type { EngineServiceHandler } from './service-registry';

export interface ServiceProxyInput {
  instanceId: string;
  businessKey: string | null;
  services: (name: string) => EngineServiceHandler | undefined;
  retryDelaysMs: readonly number[];
  /** keys of the engine's variables that are not process variables */
  reserved: ReadonlySet<string>;
  /** an error thrown by the engine while it takes a handler's answer fails the step instead of escaping */
  fail: (err: unknown) => void;
}

type EngineCallback = (err: Error | null, result?: unknown) => void;

/**
 * The engine's `services`: only registered handlers, each called with a copy of the variables.
 * The engine carries on inside the callback; whatever it throws there is the step's failure, never
 * an unhandled rejection (which would end the hub's process).
 */
export function serviceProxy(current: () => ServiceProxyInput): Record<string, CallableFunction> {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string') return undefined;
        // Read when the engine asks: an engine kept between steps calls the handlers of the step running it now.
        const input = current();
        const handler = input.services(name);
        if (!handler) return undefined;
        return (
          context: { content?: { id?: string }; environment?: { variables?: Record<string, unknown> } },
          callback: EngineCallback,
        ) => {
          const call = {
            instanceId: input.instanceId,
            businessKey: input.businessKey,
            elementId: context.content?.id ?? name,
            variables: withoutKeys(context.environment?.variables ?? {}, input.reserved),
          };
          withRetries(() => handler(call), input.retryDelaysMs)
            .then(
              (result) => callback(null, result ?? {}),
              (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
            )
            .catch(input.fail);
        };
      },
    },
  );
}

/** A failing handler is tried again after each delay; the last failure fails the step. */
async function withRetries<T>(work: () => Promise<T>, delaysMs: readonly number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= delaysMs.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}

export const withoutKeys = (variables: Record<string, unknown>, reserved: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(variables).filter(([key]) => !reserved.has(key)));
