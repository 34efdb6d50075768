import { getOperationAST, parse } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type GraphQLResponse, type Identity, type TestHub, tokenFor } from './hub';

export type Transport = 'http' | 'ws';
export const TRANSPORTS: Transport[] = ['http', 'ws'];

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** An answer as a client sees it, whichever way it came; `closed` when the socket was shut instead. */
export type Answer = GraphQLResponse<Record<string, unknown>> & { status?: number; closed?: number };

type Caller = Identity | { token: string };
const bearer = async (as: Caller) => (typeof as === 'object' && 'token' in as ? as.token : tokenFor(as));

/** One operation over HTTP POST. */
export async function overHttp(t: TestHub, request: Request, as: Caller = 'admin'): Promise<Answer> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await bearer(as)}` },
    body: JSON.stringify(request),
  });
  const text = await res.text();
  try {
    return { ...(JSON.parse(text) as GraphQLResponse<Record<string, unknown>>), status: res.status };
  } catch {
    return { status: res.status, errors: [{ message: text, extensions: { code: 'NOT_JSON' } }] };
  }
}

export function wsClientFor(t: TestHub, token: string): Client {
  return createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * One operation over graphql-ws on a connection of its own. A query or mutation answers with its
 * result; a subscription answers `{ data: { subscribed: true } }` once a query sent after it on the
 * same socket came back (so it was not refused at once), or the errors it was refused with; with
 * `awaitRefusal` it answers only its own outcome.
 */
export interface WsOptions {
  /**
   * A subscription expected to be refused: wait for its own error rather than for a query sent
   * after it (the refusal is asynchronous, so the later query may come back first).
   */
  awaitRefusal?: boolean;
}

export async function overWs(t: TestHub, request: Request, as: Caller = 'admin', options: WsOptions = {}): Promise<Answer> {
  const client = wsClientFor(t, await bearer(as));
  try {
    const subscription = isSubscription(request);
    return await new Promise<Answer>((resolve) => {
      let settled = false;
      const done = (answer: Answer) => {
        if (!settled) resolve(answer);
        settled = true;
      };
      client.subscribe<Record<string, unknown>>(request, {
        next: (result) => done(result as Answer),
        error: (error) => done(asAnswer(error)),
        complete: () => done({}),
      });
      if (subscription && !options.awaitRefusal) {
        client.subscribe(
          { query: '{ __typename }' },
          { next: () => undefined, error: (e) => done(asAnswer(e)), complete: () => done({ data: { subscribed: true } }) },
        );
      }
    });
  } finally {
    await client.dispose();
  }
}

function isSubscription(request: Request): boolean {
  try {
    return getOperationAST(parse(request.query), request.operationName)?.operation === 'subscription';
  } catch {
    return false;
  }
}

function asAnswer(error: unknown): Answer {
  if (Array.isArray(error)) return { errors: error as Answer['errors'] };
  const event = error as { code?: number; reason?: string };
  if (typeof event.code === 'number')
    return { closed: event.code, errors: [{ message: event.reason ?? 'closed', extensions: { code: `CLOSED_${event.code}` } }] };
  return { errors: [{ message: String((error as Error).message ?? error), extensions: { code: 'CLIENT_ERROR' } }] };
}

export const over = (transport: Transport, t: TestHub, request: Request, as: Caller = 'admin', options: WsOptions = {}): Promise<Answer> =>
  transport === 'http' ? overHttp(t, request, as) : overWs(t, request, as, options);

export const codesOf = (answer: Answer): string[] => (answer.errors ?? []).map((e) => String(e.extensions?.code));
