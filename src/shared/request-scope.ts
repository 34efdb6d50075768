import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the hub knows about the HTTP request a piece of code runs for. */
export interface RequestScope {
  readonly requestId: string;
  /** SQL statements sent on this request's behalf so far (counted from the driver's query events) */
  statements: number;
  /** the GraphQL operation, once Apollo has resolved it (its label, bounded: see OperationLabels) */
  operation?: { name: string; type: string };
  /** whether the GraphQL answer carried errors; unset when the pipeline never ran (refused token, bad body) */
  outcome?: 'ok' | 'error';
}

/**
 * The request a log line, an SQL statement or an error belongs to, without passing it through
 * every call: Node carries it along the request's async chain (promises, timers, driver callbacks).
 */
const storage = new AsyncLocalStorage<RequestScope>();

export const currentRequest = (): RequestScope | undefined => storage.getStore();

export const runInRequest = <T>(scope: RequestScope, work: () => T): T => storage.run(scope, work);

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * A load balancer's or client's id is kept when it looks like one (a UUID, a hex or base64 token,
 * at most 128 characters), so one id follows a request across systems; anything else (empty,
 * huge, control or odd characters) is replaced rather than written into every log line.
 */
const SANE_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const offered = Array.isArray(header) ? header[0] : header;
  return offered !== undefined && SANE_ID.test(offered) ? offered : randomUUID();
}
