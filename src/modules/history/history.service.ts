import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor } from '../../shared/service-context';
import { User } from '../org/user.entity';
import { HistoryAction, type SubjectType } from './history.enums';
import { type FieldChange, HistoryEvent } from './history-event.entity';

export interface HistoryEntry {
  subjectType: SubjectType;
  subjectId: string;
  action: HistoryAction;
  at: Date;
  changes?: FieldChange[];
  note?: string | null;
  /** the customer may read the note (internal by default) */
  customerVisible?: boolean;
}

/** Finds the acting user inside the transaction; an unknown user code is refused, not ignored. */
export async function actingUser(em: EntityManager, actor: Actor, options: { withDepartment?: boolean } = {}): Promise<User | null> {
  if (!actor.userCode) return null;
  const user = await em.findOne(User, { code: actor.userCode }, options.withDepartment ? { populate: ['department'] } : {});
  if (!user) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, `Unknown user "${actor.userCode}"`, { userCode: actor.userCode });
  }
  return user;
}

/** Appends one history row in the caller's transaction (history is never updated or deleted). */
export function recordHistory(em: EntityManager, actor: User | null, entry: HistoryEntry): HistoryEvent {
  const event = em.create(HistoryEvent, {
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    action: entry.action,
    at: entry.at,
    actor: actor ?? undefined,
    changes: entry.changes ?? [],
    note: entry.note ?? undefined,
    customerVisible: entry.customerVisible ?? false,
  });
  em.persist(event);
  return event;
}

type Printable = string | number | boolean | Date | null | undefined;

const show = (value: Printable): string | null =>
  value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value);

/**
 * Sets each field of `patch` that differs on `target` and returns what changed, from what to what.
 * Fields left undefined in the patch are not touched; `null` clears a nullable field.
 */
export function applyChanges<T extends object>(target: T, patch: Partial<Record<keyof T, Printable>>): FieldChange[] {
  const changes: FieldChange[] = [];
  const record = target as Record<keyof T, Printable>;
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const next = patch[key];
    if (next === undefined) continue;
    const before = record[key];
    if (show(before) === show(next)) continue;
    changes.push({ field: String(key), from: show(before), to: show(next) });
    record[key] = next === null ? (undefined as Printable) : next;
  }
  return changes;
}

/** Archives a record (records are never deleted) and notes why in its history. */
export function archiveWithHistory(
  em: EntityManager,
  actor: User | null,
  record: { id: string; archivedAt?: Date; updatedAt: Date },
  subjectType: SubjectType,
  at: Date,
  reason: string,
): void {
  if (record.archivedAt) throw new DomainError(ErrorCode.CONFLICT, `It was archived already, at ${record.archivedAt.toISOString()}`);
  record.archivedAt = at;
  record.updatedAt = at;
  recordHistory(em, actor, {
    subjectType,
    subjectId: record.id,
    action: HistoryAction.ARCHIVED,
    at,
    changes: [{ field: 'archivedAt', from: null, to: at.toISOString() }],
    note: reason,
  });
}
