import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, type Row, selectRows } from '../../db/plain-rows';
import { Cutover } from './cutover.entity';
import { CutoverNoticeRecord } from './cutover-notice.entity';

/*
 * A cutover's steps read and write its rows by statement, not through entities: one step runs
 * several handlers, each in a savepoint whose entities MikroORM merges back into the step's, and
 * the notice rows are also written by the notices' own steps nested in it. An entity held across
 * those would write back what it saw before (a notice's new instance id lost, as a test found).
 */

type Column = string;
const snake = (property: string): Column => property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

async function update(em: EntityManager, table: string, id: string, fields: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return;
  const sets = entries.map(([property]) => `${snake(property)} = ?`).join(', ');
  const values = entries.map(([, value]) => (Array.isArray(value) ? JSON.stringify(value) : value));
  await execSql(em, `update ${table} set ${sets}, version = version + 1 where id = ?`, [...values, id]);
}

export type CutoverChange = Partial<
  Pick<Cutover, 'status' | 'round' | 'startsAt' | 'endsAt' | 'decidedAt' | 'decisionReason' | 'verifiedAt'>
>;
export type NoticeChange = Partial<
  Pick<
    CutoverNoticeRecord,
    | 'status'
    | 'round'
    | 'notifyBy'
    | 'notifyDueAt'
    | 'remindAt'
    | 'leadWorkingDays'
    | 'leadHours'
    | 'customerAgrees'
    | 'instanceId'
    | 'chasedAt'
    | 'updatedAt'
  >
>;

export async function cutoverRow(em: EntityManager, id: string): Promise<Row<Cutover>> {
  const [row] = await selectRows(em, Cutover, 'id = ?', [id]);
  if (!row) throw new Error(`No cutover ${id}`);
  return row;
}

export const setCutover = (em: EntityManager, id: string, change: CutoverChange): Promise<void> => update(em, 'cutover', id, change);

/** The cutover's notices, most urgent first; only those of `statuses` when given. */
export function noticeRows(em: EntityManager, cutoverId: string, statuses?: readonly string[]): Promise<Row<CutoverNoticeRecord>[]> {
  return statuses
    ? selectRows(
        em,
        CutoverNoticeRecord,
        'cutover_id = ? and status = any(?::text[])',
        [cutoverId, `{${statuses.join(',')}}`],
        'notify_by, id',
      )
    : selectRows(em, CutoverNoticeRecord, 'cutover_id = ?', [cutoverId], 'notify_by, id');
}

export const setNotice = (em: EntityManager, id: string, change: NoticeChange): Promise<void> => update(em, 'cutover_notice', id, change);
