import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, selectRows, uuidArray } from '../../db/plain-rows';
import type { TimerRecord } from './instance-store';
import { TimerStatus } from './process.enums';
import { ProcessTimer } from './process-timer.entity';

/**
 * A claim is a lease written on the timer row: which hub took it and until when. Hubs polling one
 * database take disjoint batches, and the claims of a hub that crashed lapse, so another hub takes
 * its timers. The lease only keeps hubs from doing the same work twice; what makes a timer fire
 * once is the re-check under the instance's lock (`claimedTimer`).
 */

/** A due timer this hub claimed, as the poller orders and fires it. */
export interface TimerClaim {
  id: string;
  instanceId: string;
  dueAt: Date;
}

export interface ClaimRequest {
  hub: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** timers that failed in this round: the next poll tries them again, this one does not */
  skipped: readonly string[];
}

/**
 * Claims up to `limit` pending timers due by `now` that no live lease holds, oldest due first. One
 * statement, committed at once: rows another hub is claiming at the same moment are skipped, not waited for.
 */
export async function claimDueTimers(em: EntityManager, request: ClaimRequest): Promise<TimerClaim[]> {
  const { hub, now, leaseMs, limit, skipped } = request;
  const rows = await execSql<{ id: string; instance_id: string; due_at: string | Date }>(
    em,
    `update process_timer t set claimed_by = ?, claimed_until = ?
     from (select id from process_timer
           where status = ? and due_at <= ? and (claimed_until is null or claimed_until <= ?) and not (id = any(?::uuid[]))
           order by due_at limit ? for update skip locked) due
     where t.id = due.id
     returning t.id, t.instance_id, t.due_at`,
    [hub, new Date(now.getTime() + leaseMs), TimerStatus.PENDING, now, now, uuidArray(skipped), limit],
  );
  // RETURNING keeps no order: the batch fires oldest due first. (Ordering by due_at alone lets the
  // (status, due_at) index stop at `limit` rows however many are due.)
  return rows
    .map((row) => ({ id: row.id, instanceId: row.instance_id, dueAt: new Date(row.due_at) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
}

/**
 * The claimed timer, read after its instance was locked: null when it is no longer pending (a step
 * of its instance fired or cancelled it since the claim) or its lease passed to another hub. Every
 * step that closes a timer holds the instance's lock, so a pending row read here stays pending
 * until this transaction writes it.
 */
export async function claimedTimer(em: EntityManager, id: string, hub: string): Promise<TimerRecord | null> {
  const [timer] = await selectRows(em, ProcessTimer, 'id = ? and status = ? and claimed_by = ?', [id, TimerStatus.PENDING, hub]);
  return timer ?? null;
}

/** Gives claims back (a step that failed, a round that stopped), so any hub may take them at once. */
export async function releaseClaims(em: EntityManager, ids: readonly string[], hub: string): Promise<void> {
  if (ids.length === 0) return;
  await execSql(
    em,
    'update process_timer set claimed_by = null, claimed_until = null where id = any(?::uuid[]) and claimed_by = ? and status = ?',
    [uuidArray(ids), hub, TimerStatus.PENDING],
  );
}
