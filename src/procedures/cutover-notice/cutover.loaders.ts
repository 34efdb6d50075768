import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy, RecordLoader } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { Cutover } from './cutover.entity';
import type { CutoverNoticeView } from './cutover.types';
import { CutoverNoticeRecord } from './cutover-notice.entity';

/** A stored notice as the API reads it: the same shape a plan answers. */
export function noticeView(row: Row<CutoverNoticeRecord>): CutoverNoticeView {
  return {
    id: row.id,
    cutoverId: row.cutoverId,
    customerId: row.customer.id,
    accountManagerId: row.accountManager?.id ?? null,
    circuitIds: row.circuitIds,
    serviceLevel: row.serviceLevel,
    crossRegion: row.crossRegion,
    leadTime: { workingDays: row.leadWorkingDays ?? null, hours: row.leadHours ?? null },
    notifyBy: row.notifyBy,
    notifyDueAt: row.notifyDueAt,
    late: false,
    status: row.status,
    round: row.round,
    timesTold: row.timesTold,
    toldAt: row.toldAt ?? null,
    customerAgrees: row.customerAgrees ?? null,
    refusalReason: row.refusalReason ?? null,
  };
}

/** Notices of the most important customers first, as a plan lists them. */
const NOTICE_ORDER = "array_position(array['DIAMOND','GOLD','SILVER','BRONZE','STANDARD'], service_level), notify_by, id";

/** Cutovers and their notices for a page of tickets or tasks: one statement per level, not one per parent. */
export const cutoverLoaders = (em: EntityManager) => ({
  cutoverById: byIdLoader(em, Cutover),
  cutoverByTicket: new RecordLoader<string, Row<Cutover> | null>(async (ticketIds) => {
    const rows = await selectRows(em, Cutover, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
    return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
  }),
  noticesByCutover: new DataLoader<string, CutoverNoticeView[]>(async (cutoverIds) => {
    const rows = await selectRows(em, CutoverNoticeRecord, 'cutover_id = any(?::uuid[])', [uuidArray(cutoverIds)], NOTICE_ORDER);
    return groupBy(cutoverIds, rows.map(noticeView), (notice) => notice.cutoverId as string);
  }),
  /** The notice an account manager's task tells, by the task's instance. */
  noticeByInstance: new RecordLoader<string, CutoverNoticeView | null>(async (instanceIds) => {
    const rows = await selectRows(em, CutoverNoticeRecord, 'instance_id = any(?::uuid[])', [uuidArray(instanceIds)]);
    return instanceIds.map((id) => {
      const row = rows.find((r) => r.instanceId === id);
      return row ? noticeView(row) : null;
    });
  }),
});
