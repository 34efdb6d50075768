import type { FormattedExecutionResult } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Identity, tokenFor } from './hub';

/** Events of one subscription, awaited one by one (no sleeping: each `next()` waits for the next event). */
export interface SubscriptionProbe<T> {
  next(): Promise<T>;
  close(): Promise<void>;
}

/** A graphql-ws client with a development token for `user` (a staff user code, or a customer). */
export function wsClient(httpUrl: string, user: Identity = 'admin'): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: async () => ({ Authorization: `Bearer ${await tokenFor(user)}` }),
    retryAttempts: 0,
  });
}

/** Subscribes and resolves once the server has acknowledged the subscription is live; an event with errors fails `next()`. */
export async function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<SubscriptionProbe<T>> {
  const results = await subscribeResults<T>(client, query, variables);
  return {
    next: async () => {
      const result = await results.next();
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data as T;
    },
    close: results.close,
  };
}

/** Like `subscribe`, but each event is the whole result as sent, errors and all. */
export async function subscribeResults<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<SubscriptionProbe<FormattedExecutionResult<T, unknown>>> {
  const iterator = client.iterate<T>({ query, variables, ...(operationName ? { operationName } : {}) });
  const queue: FormattedExecutionResult<T, unknown>[] = [];
  const waiting: ((value: FormattedExecutionResult<T, unknown>) => void)[] = [];
  let failure: unknown = null;
  const pump = (async () => {
    try {
      for await (const result of iterator) {
        const waiter = waiting.shift();
        if (waiter) waiter(result);
        else queue.push(result);
      }
    } catch (err) {
      failure = err;
    }
  })();
  // The subscribe message is sent once the socket is open and acknowledged; a round trip on the
  // same socket (a query) proves the server has processed it before we make changes.
  await new Promise<void>((resolve, reject) => {
    client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: resolve });
  });
  return {
    next: () => {
      if (failure) return Promise.reject(failure);
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<FormattedExecutionResult<T, unknown>>((resolve) => waiting.push(resolve));
    },
    close: async () => {
      await iterator.return?.();
      await pump;
    },
  };
}
