import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, DomainError, ErrorCode } from '../../shared/domain-error';
import { TEXT_LIMITS } from '../../shared/input-checks';
import type { Actor } from '../../shared/service-context';

export interface OnceRequest<T> {
  operation: string;
  key: string | null | undefined;
  /**
   * What the request asks for (its input; the key itself is left out). A retry must send the
   * same, or it is refused with CONFLICT. Without a payload any retry gets the first result.
   */
  payload?: unknown;
  actor: Actor;
  now: Date;
  create: () => Promise<T>;
  /** loads what the first request created, for a retry */
  load: (id: string) => Promise<T | null>;
}

/**
 * Runs a create once per idempotency key, inside the caller's transaction. The key row is taken
 * first (a concurrent retry waits on it), so two retries never both create; a retry after the
 * first committed returns the first result. The row keeps a hash of the payload: the same key
 * with another payload is a client bug (a reused key), refused rather than answered with the
 * first result, which would silently drop the second request.
 */
export async function runOnce<T extends { id: string }>(em: EntityManager, request: OnceRequest<T>): Promise<T> {
  if (request.key === null || request.key === undefined) return request.create();
  if (request.key.length < 1 || request.key.length > TEXT_LIMITS.key) {
    throw badInput('idempotencyKey', `an idempotency key has 1 to ${TEXT_LIMITS.key} characters`);
  }
  const scope = [request.operation, request.actor.userCode ?? '', request.key];
  const hash = request.payload === undefined ? null : payloadHash(request.payload);
  const taken = await em.execute<{ key: string }[]>(
    `insert into idempotency_record (operation, actor, key, request_hash, created_at) values (?, ?, ?, ?, ?)
     on conflict do nothing returning key`,
    [...scope, hash, request.now],
  );
  if (taken.length === 0) {
    const [row] = await em.execute<{ result_id: string | null; request_hash: string | null }[]>(
      'select result_id, request_hash from idempotency_record where operation = ? and actor = ? and key = ?',
      scope,
    );
    if (row?.request_hash && hash && row.request_hash !== hash) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `The idempotency key "${request.key}" was used for a different ${request.operation} request; send this one with a new key`,
        { field: 'idempotencyKey', idempotencyKey: request.key },
      );
    }
    const first = row?.result_id ? await request.load(row.result_id) : null;
    if (!first)
      throw new DomainError(ErrorCode.CONFLICT, 'A request with this idempotency key did not finish; send it with a new key', {
        field: 'idempotencyKey',
      });
    return first;
  }
  const created = await request.create();
  await em.execute('update idempotency_record set result_id = ? where operation = ? and actor = ? and key = ?', [created.id, ...scope]);
  return created;
}

/**
 * SHA-256 of the payload as canonical JSON: keys sorted, fields left out and fields sent as null
 * alike (both mean "not given"), dates as ISO strings, and the idempotency key itself dropped.
 * Defaults are already applied by GraphQL, so leaving out `priority` and sending its default agree.
 */
export function payloadHash(payload: unknown): string {
  const canonical = normalize(payload, true);
  return createHash('sha256')
    .update(JSON.stringify(canonical ?? null))
    .digest('hex');
}

function normalize(value: unknown, top = false): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || item === null || (top && key === 'idempotencyKey')) continue;
    out[key] = normalize(item);
  }
  return out;
}
