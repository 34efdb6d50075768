import { badInput } from '../../shared/domain-error';
import type { BusinessCalendar } from '../calendar/business-calendar';

/**
 * The quarterly report (季报) is due within 10 working days after its quarter ends: the close of
 * the 10th working day after the quarter's last day. The documents set no deadline; ten working
 * days is the usual "季后十个工作日内上报", counted on the center's calendar so that the National
 * Day and Spring Festival holidays right after Q3 and Q4 do not eat the time to write it.
 */
export const QUARTERLY_REPORT_WORKING_DAYS = 10;

export interface Quarter {
  year: number;
  quarter: number;
}

/** Refuses a quarter that is not one (the year within what the calendar holds). */
export function checkQuarter(year: number, quarter: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'year must be between 2000 and 2100');
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput('quarter', 'quarter must be 1, 2, 3 or 4');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter's first and last days, YYYY-MM-DD (China time). */
export function quarterDays({ year, quarter }: Quarter): { first: string; last: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { first: `${year}-${pad(firstMonth)}-01`, last: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

export const previousQuarter = ({ year, quarter }: Quarter): Quarter =>
  quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };

/** When the quarter's report is due. */
export const quarterlyReportDue = (calendar: BusinessCalendar, q: Quarter): Date =>
  calendar.addWorkingDays(calendar.startOfDay(quarterDays(q).last), QUARTERLY_REPORT_WORKING_DAYS);

/** The quarters whose report falls due within [start, end). */
export function quartersDueBetween(calendar: BusinessCalendar, start: Date, end: Date): (Quarter & { dueAt: Date })[] {
  const due: (Quarter & { dueAt: Date })[] = [];
  const firstYear = Number(calendar.localDay(start).slice(0, 4)) - 1;
  const lastYear = Number(calendar.localDay(end).slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const dueAt = quarterlyReportDue(calendar, { year, quarter });
      if (dueAt >= start && dueAt < end) due.push({ year, quarter, dueAt });
    }
  }
  return due;
}
