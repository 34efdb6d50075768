import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor } from '../../shared/service-context';

export interface OnceRequest<T> {
  operation: string;
  key: string | null | undefined;
  actor: Actor;
  now: Date;
  create: () => Promise<T>;
  /** loads what the first request created, for a retry */
  load: (id: string) => Promise<T | null>;
}

/**
 * Runs a create once per idempotency key, inside the caller's transaction. The key row is taken
 * first (a concurrent retry waits on it), so two retries never both create; a retry after the
 * first committed returns the first result.
 */
export async function runOnce<T extends { id: string }>(em: EntityManager, request: OnceRequest<T>): Promise<T> {
  if (request.key === null || request.key === undefined) return request.create();
  if (request.key.length < 1 || request.key.length > 200) throw badInput('idempotencyKey', 'an idempotency key has 1 to 200 characters');
  const scope = [request.operation, request.actor.userCode ?? '', request.key];
  const taken = await em.execute<{ key: string }[]>(
    `insert into idempotency_record (operation, actor, key, created_at) values (?, ?, ?, ?)
     on conflict do nothing returning key`,
    [...scope, request.now],
  );
  if (taken.length === 0) {
    const [row] = await em.execute<{ result_id: string | null }[]>(
      'select result_id from idempotency_record where operation = ? and actor = ? and key = ?',
      scope,
    );
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
