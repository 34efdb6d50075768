import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { tokenFor } from './hub';

/** Events of one subscription, awaited one by one (no sleeping: each `next()` waits for the next event). */
export interface SubscriptionProbe<T> {
  next(): Promise<T>;
  close(): Promise<void>;
}

export function wsClient(httpUrl: string, user = 'admin'): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: async () => ({ Authorization: `Bearer ${await tokenFor(user)}` }),
    retryAttempts: 0,
  });
}

/** Subscribes and resolves once the server has acknowledged the subscription is live. */
export async function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<SubscriptionProbe<T>> {
  const iterator = client.iterate<T>({ query, variables });
  const queue: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  let failure: unknown = null;
  const pump = (async () => {
    try {
      for await (const result of iterator) {
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        const data = result.data as T;
        const waiter = waiting.shift();
        if (waiter) waiter(data);
        else queue.push(data);
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
      return new Promise<T>((resolve) => waiting.push(resolve));
    },
    close: async () => {
      await iterator.return?.();
      await pump;
    },
  };
}
