import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import { NO_CUSTOMER, type ServiceContext } from '../../shared/service-context';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CalendarService } from '../calendar/calendar.service';
import { ServiceLevel } from '../customers/customer.enums';
import { type MeasureSources, measuresSql } from './measure-items';
import { MeasureGrouping, type MeasureRow } from './measures.types';
import { quartersDueBetween } from './quarter';
import { emptyCounts, type GroupCounts, measureRow } from './rates';

const DAY_MS = 24 * 3600_000;
/** The longest period measured at once: three years of months. */
const MAX_PERIOD_DAYS = 3 * 366;
/** The most rows answered (the field's cap): groups past it are left out, sorted by label. */
export const MEASURE_ROWS_MAX = 1000;

const LEVEL_ORDER = Object.values(ServiceLevel);

/** A period of China days, both included, as instants [start, end). */
export interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/**
 * The center's measures (考核) computed from what the procedures recorded, in the database: one
 * statement for every measure of every group, one more for the quarterly reports, whatever the
 * number of groups. Nothing here is entered by hand.
 */
export class MeasuresService {
  constructor(
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly sources: MeasureSources,
  ) {}

  period(from: string, to: string): Period {
    if (to < from) throw badInput('to', `to (${to}) is before from (${from})`);
    const start = new Date(`${from}T00:00:00+08:00`);
    const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
    if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) throw badInput('to', 'A period is at most three years');
    return { from, to, start, end };
  }

  /** A customer token gets one row, its own customer's, whatever grouping it asks for. */
  async measures(ctx: ServiceContext, from: string, to: string, grouping: MeasureGrouping): Promise<MeasureRow[]> {
    const period = this.period(from, to);
    if (ctx.actor.kind === 'customer') return [await this.customerRow(ctx.em, period, ctx.actor.customerId ?? NO_CUSTOMER)];
    return this.rows(ctx.em, period, grouping, null);
  }

  /** The measures of a period for staff (the quarterly report reads them too). */
  async rows(em: EntityManager, period: Period, grouping: MeasureGrouping, customerId: string | null): Promise<MeasureRow[]> {
    const now = this.clock.now();
    const found = await execSql<{
      key: string;
      label: string;
      measure: string;
      numerator: number;
      denominator: number;
      average: number | null;
    }>(em, measuresSql(this.sources, grouping), [period.start, period.end, now, customerId, customerId]);
    const groups = new Map<string, { label: string; counts: GroupCounts }>();
    const groupOf = (key: string, label: string) => {
      let group = groups.get(key);
      if (!group) {
        group = { label, counts: emptyCounts() };
        groups.set(key, group);
      }
      return group;
    };
    // Groups with nothing counted still get their row where the grouping is a fixed list.
    if (grouping === MeasureGrouping.CENTER) groupOf('CENTER', 'CENTER');
    if (grouping === MeasureGrouping.SERVICE_LEVEL) for (const level of LEVEL_ORDER) groupOf(level, level);
    if (grouping === MeasureGrouping.MONTH) for (const month of monthsOf(period)) groupOf(month, month);
    for (const row of found) {
      groupOf(row.key, row.label).counts.counts.set(row.measure, {
        numerator: row.numerator,
        denominator: row.denominator,
        average: row.average,
      });
    }
    // The report is the center's, not a customer's, level's or department's: it counts for the center and its months.
    if (customerId === null && (grouping === MeasureGrouping.CENTER || grouping === MeasureGrouping.MONTH)) {
      await this.countQuarterlyReports(em, period, now, grouping, (key) => groupOf(key, key).counts);
    }
    return sortRows(
      grouping,
      [...groups].map(([key, group]) => measureRow(key, group.label, group.counts)),
    ).slice(0, MEASURE_ROWS_MAX);
  }

  private async customerRow(em: EntityManager, period: Period, customerId: string): Promise<MeasureRow> {
    const [row] = await this.rows(em, period, MeasureGrouping.CUSTOMER, customerId);
    if (row) return row;
    const [customer] = await execSql<{ label: string }>(em, `select name || ' (' || code || ')' as label from customer where id = ?`, [
      customerId,
    ]);
    return measureRow(customerId, customer?.label ?? customerId, emptyCounts());
  }

  /** 季报上报及时性: each quarter whose report fell due in the period, once submitted or once its deadline passed. */
  private async countQuarterlyReports(
    em: EntityManager,
    period: Period,
    now: Date,
    grouping: MeasureGrouping,
    countsOf: (key: string) => GroupCounts,
  ): Promise<void> {
    const calendar: BusinessCalendar = this.calendar.current;
    const due = quartersDueBetween(calendar, period.start, period.end);
    const submitted = due.length
      ? await execSql<{ year: number; quarter: number; on_time: boolean }>(
          em,
          'select year, quarter, on_time from quarterly_report where year * 10 + quarter = any(?::int[])',
          [`{${due.map((q) => q.year * 10 + q.quarter).join(',')}}`],
        )
      : [];
    for (const q of due) {
      const report = submitted.find((s) => s.year === q.year && s.quarter === q.quarter);
      if (!report && q.dueAt > now) continue;
      const key = grouping === MeasureGrouping.CENTER ? 'CENTER' : calendar.localDay(q.dueAt).slice(0, 7);
      const counts = countsOf(key);
      counts.quarterly = {
        numerator: (counts.quarterly?.numerator ?? 0) + (report?.on_time ? 1 : 0),
        denominator: (counts.quarterly?.denominator ?? 0) + 1,
      };
    }
  }
}

/** The months (YYYY-MM) a period touches. */
function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split('-').map(Number);
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

function sortRows(grouping: MeasureGrouping, rows: MeasureRow[]): MeasureRow[] {
  if (grouping === MeasureGrouping.SERVICE_LEVEL)
    return rows.sort((a, b) => LEVEL_ORDER.indexOf(a.key as ServiceLevel) - LEVEL_ORDER.indexOf(b.key as ServiceLevel));
  if (grouping === MeasureGrouping.MONTH) return rows.sort((a, b) => a.key.localeCompare(b.key));
  return rows.sort((a, b) => a.group.localeCompare(b.group) || a.key.localeCompare(b.key));
}
