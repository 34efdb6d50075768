import { type Client, createClient } from 'graphql-ws';
import { token } from './auth';

let client: Client | null = null;
const listeners = new Set<(connected: boolean) => void>();

/** One WebSocket per tab, opened on the first subscription, with the token in connection_init. */
function live(): Client {
  if (!client) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    client = createClient({
      url,
      connectionParams: () => ({ authorization: `Bearer ${token() ?? ''}` }),
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => token() !== null,
      on: {
        connected: () => {
          for (const l of listeners) l(true);
        },
        closed: () => {
          for (const l of listeners) l(false);
        },
      },
    });
  }
  return client;
}

/** Tells whether the live connection is up, as it changes. */
export function onConnection(listener: (connected: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs a subscription until the returned function is called. */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  next: (data: T) => void,
  error: (message: string) => void = (message) => console.error(message),
): () => void {
  return live().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) error(result.errors.map((e) => e.message).join('; '));
        else if (result.data) next(result.data as T);
      },
      error: (err) => error(err instanceof Error ? err.message : 'the live connection failed'),
      complete: () => undefined,
    },
  );
}

/** Closes the socket (signing out). */
export async function closeLive(): Promise<void> {
  const open = client;
  client = null;
  await open?.dispose();
}

/**
 * Resolves once a query has gone round the socket: the server takes a socket's messages in
 * order, so the subscriptions started before it are live by then.
 */
export function confirmLive(): Promise<void> {
  return new Promise((resolve, reject) => {
    live().subscribe(
      { query: 'query LiveCheck { __typename }' },
      {
        next: () => undefined,
        error: (err) => reject(err instanceof Error ? err : new Error('the live connection failed')),
        complete: resolve,
      },
    );
  });
}
