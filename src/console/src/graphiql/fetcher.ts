import type { GraphiQLProps } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import { token } from '../lib/auth';

type Fetcher = GraphiQLProps['fetcher'];
type Params = Parameters<Fetcher>[0];
type Headers = Record<string, string>;

const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** The Authorization the IDE sends: its headers editor's, else the console's signed-in token. */
function authorizationOf(headers: Headers): string | null {
  const given = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  if (given) return given;
  const signedIn = token();
  return signedIn ? `Bearer ${signedIn}` : null;
}

const isSubscription = (params: Params): boolean => {
  const source = params.query.replace(/#[^\n]*/g, '');
  const named = params.operationName ? new RegExp(`subscription\\s+${params.operationName}\\b`).test(source) : false;
  return named || /^\s*subscription\b/.test(source);
};

/** HTTP for queries and mutations, graphql-ws for subscriptions; same origin, no other host. */
export function hubFetcher(): Fetcher {
  const sockets = new Map<string, Client>();
  const socketFor = (authorization: string | null) => {
    const key = authorization ?? '';
    let client = sockets.get(key);
    if (!client) {
      client = createClient({ url: wsUrl(), connectionParams: authorization ? { authorization } : {}, lazy: true });
      sockets.set(key, client);
    }
    return client;
  };
  return (params, opts) => {
    const headers: Headers = {};
    for (const [name, value] of Object.entries(opts?.headers ?? {})) if (typeof value === 'string') headers[name] = value;
    const authorization = authorizationOf(headers);
    if (isSubscription(params)) {
      // What arrives is the wire's formatted result; GraphiQL only reads and prints it.
      return socketFor(authorization).iterate({
        query: params.query,
        operationName: params.operationName ?? undefined,
        variables: (params.variables as Record<string, unknown> | undefined) ?? undefined,
      }) as unknown as AsyncIterable<ExecutionResult>;
    }
    return fetch('/graphql', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(params),
    }).then((res) => res.json());
  };
}
