import { ReportKind, TicketKind } from '../tickets/ticket.enums';
import { MeasureGrouping } from './measures.types';

/** What one counted item measures. */
export enum MeasureItem {
  RESOURCE_CHECK = 'RESOURCE_CHECK',
  FAULT_RESTORE = 'FAULT_RESTORE',
  FAULT_REPORT = 'FAULT_REPORT',
  PROVISIONING = 'PROVISIONING',
  CYCLE = 'CYCLE',
  WORK_DONE = 'WORK_DONE',
}

/**
 * The procedures' own definitions of what they count, given by the composition root (the
 * measures do not reach into the procedure layer): provisioning's are the ones
 * `provisioningTimeliness` counts with.
 */
export interface MeasureSources {
  /** one row per circuit to activate: `ticket_id`, `due_at`, `met` (null while undecided) */
  circuitsToActivate: string;
  /** one row per completed provisioning order: `ticket_id`, `completed_at`, `cycle_working_days` */
  completedOrders: string;
}

/**
 * Every counted item as (measure, ticket_id, at, met, value): `at` is the item's deadline (the
 * period it counts in; completion for the cycle and the work done), `met` whether it was done in
 * time (null: not done yet). Live tickets and imported ones side by side: the facts the
 * procedures recorded, and for imported tickets what their import record holds.
 */
export function itemsSql(sources: MeasureSources): string {
  const faultReportAt = `(select min(r.submitted_at) from ticket_report r where r.ticket_id = t.id and r.kind = '${ReportKind.FAULT}')`;
  const testReportAt = `(select min(r.submitted_at) from ticket_report r where r.ticket_id = t.id and r.kind = '${ReportKind.TEST}')`;
  const restoredAt = 'coalesce(t.resolved_at, t.closed_at)';
  return `
    select '${MeasureItem.RESOURCE_CHECK}' as measure, rc.ticket_id, t.resolution_due_at as at, cr.checked_on_time as met, null::float as value
      from checked_resource cr join resource_check rc on rc.id = cr.check_id join ticket t on t.id = rc.ticket_id
    union all
    select '${MeasureItem.RESOURCE_CHECK}', it.ticket_id, t.resolution_due_at, g.n <= it.resources_checked_on_time, null
      from imported_ticket it join ticket t on t.id = it.ticket_id cross join generate_series(1, it.resources_to_check) g(n)
     where it.resources_to_check is not null
    union all
    -- A fault nobody has said yet whether it affects service counts as affecting it (fault_facts).
    select '${MeasureItem.FAULT_RESTORE}', t.id, t.resolution_due_at,
           case when ${restoredAt} is null then null else ${restoredAt} <= t.resolution_due_at end, null
      from ticket t left join fault_facts f on f.ticket_id = t.id left join imported_ticket it on it.ticket_id = t.id
     where t.kind = '${TicketKind.FAULT}' and coalesce(f.service_affecting, it.service_affecting, true)
    union all
    select '${MeasureItem.FAULT_REPORT}', t.id, t.report_due_at, ${faultReportAt} <= t.report_due_at, null
      from ticket t where t.kind = '${TicketKind.FAULT}' and t.report_due_at is not null
    union all
    select '${MeasureItem.PROVISIONING}', c.ticket_id, c.due_at, c.met, null from (${sources.circuitsToActivate}) c
    union all
    select '${MeasureItem.PROVISIONING}', t.id, t.resolution_due_at,
           case when t.resolved_at is null then null
                else t.resolved_at <= t.resolution_due_at and (t.report_due_at is null or coalesce(${testReportAt} <= t.report_due_at, false)) end,
           null
      from imported_ticket it join ticket t on t.id = it.ticket_id join ticket_circuit tc on tc.ticket_id = t.id
     where it.kind = '${TicketKind.CIRCUIT_DISPATCH}'
    union all
    select '${MeasureItem.CYCLE}', o.ticket_id, o.completed_at, true, o.cycle_working_days::float from (${sources.completedOrders}) o
    union all
    select '${MeasureItem.CYCLE}', it.ticket_id, t.resolved_at, true, it.cycle_working_days::float
      from imported_ticket it join ticket t on t.id = it.ticket_id where it.cycle_working_days is not null
    union all
    select '${MeasureItem.WORK_DONE}', t.id, ${restoredAt}, true, null from ticket t where ${restoredAt} is not null`;
}

/** A China-time month of an instant, YYYY-MM (China has no daylight saving: +08:00 all year). */
export const CHINA_MONTH_SQL = (column: string) => `to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** Each grouping's key and label, as SQL over the item (i), its ticket (t), customer (c) and owner department (d). */
export const GROUP_SQL: Record<MeasureGrouping, { key: string; label: string }> = {
  [MeasureGrouping.CENTER]: { key: `'CENTER'`, label: `'CENTER'` },
  [MeasureGrouping.CUSTOMER]: { key: 'c.id::text', label: `c.name || ' (' || c.code || ')'` },
  [MeasureGrouping.SERVICE_LEVEL]: { key: 'c.service_level', label: 'c.service_level' },
  [MeasureGrouping.DEPARTMENT]: { key: 'd.code', label: `d.name || ' (' || d.code || ')'` },
  [MeasureGrouping.MONTH]: { key: CHINA_MONTH_SQL('i.at'), label: CHINA_MONTH_SQL('i.at') },
};

/**
 * One statement: every measure of every group. Items count in the period their deadline falls in,
 * once decided or once the deadline has passed (then as missed); cancelled tickets count for
 * nothing, rejected ones only as work done.
 */
export function measuresSql(sources: MeasureSources, grouping: MeasureGrouping): string {
  const group = GROUP_SQL[grouping];
  return `with items as (${itemsSql(sources)})
    select ${group.key} as key, ${group.label} as label, i.measure,
           count(*)::int as denominator, count(*) filter (where i.met)::int as numerator, avg(i.value)::float as average
      from items i join ticket t on t.id = i.ticket_id join customer c on c.id = t.customer_id
      join department d on d.id = t.owner_department_id
     where i.at >= ? and i.at < ? and (i.met is not null or i.at <= ?)
       and t.status <> 'cancelled' and (t.status <> 'rejected' or i.measure = '${MeasureItem.WORK_DONE}')
       and (?::uuid is null or t.customer_id = ?::uuid)
     group by 1, 2, 3`;
}
