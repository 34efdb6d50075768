import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEV_JWT_SECRET, signToken } from '../src/modules/auth/tokens';

export const wsClient = (httpUrl: string): Client =>
  createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: async () => ({ Authorization: `Bearer ${await signToken({ sub: 'admin', kind: 'staff' }, DEV_JWT_SECRET)}` }),
  });

/** A subscription whose events are awaited one by one. */
export async function subscribe(client: Client, query: string): Promise<{ next(): Promise<unknown> }> {
  const queue: unknown[] = [];
  const waiting: ((value: unknown) => void)[] = [];
  client.subscribe(
    { query },
    {
      next: (value) => {
        const waiter = waiting.shift();
        if (waiter) waiter(value);
        else queue.push(value);
      },
      error: (err) => console.error('subscription error', err),
      complete: () => undefined,
    },
  );
  // A query on the same socket returns after the subscription is registered.
  await new Promise<void>((resolve, reject) =>
    client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: resolve }),
  );
  return { next: () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiting.push(resolve))) };
}
