import { chinaHolidays, type HolidaySchedule } from './china-holidays';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface CalendarOptions {
  schedule: HolidaySchedule;
  /** offset of local time from UTC; China Standard Time is +08:00 all year (no DST) */
  offsetMinutes?: number;
  workdayStart?: string;
  workdayEnd?: string;
  /** refuse days of years the schedule does not cover, rather than guess */
  strict?: boolean;
}

/** One day as the calendar sees it. */
export interface CalendarDay {
  day: string;
  kind: 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';
  working: boolean;
  holidayName: string | null;
  /** the year's schedule is not published yet: Monday to Friday is assumed */
  provisional: boolean;
}

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * Working days and hours of the center: Monday to Friday, minus public holidays, plus make-up
 * Saturdays and Sundays (调休), within working hours. Pure arithmetic on a fixed offset, so it
 * gives the same answers whatever the machine's time zone.
 */
export class BusinessCalendar {
  private readonly holidays: Set<string>;
  private readonly makeup: Set<string>;
  private readonly years: Set<number>;
  private readonly offset: number;
  private readonly start: number;
  private readonly end: number;

  constructor(private readonly options: CalendarOptions) {
    this.holidays = new Set(options.schedule.holidays);
    this.makeup = new Set(options.schedule.makeupWorkdays);
    this.years = new Set(options.schedule.years);
    this.offset = (options.offsetMinutes ?? 480) * MINUTE;
    this.start = toMinutes(options.workdayStart ?? '08:30') * MINUTE;
    this.end = toMinutes(options.workdayEnd ?? '17:30') * MINUTE;
  }

  /** The local date (YYYY-MM-DD) of an instant. */
  localDay(at: Date): string {
    return new Date(at.getTime() + this.offset).toISOString().slice(0, 10);
  }

  /** Monday to Friday unless a holiday; Saturday or Sunday only when a make-up working day. */
  isWorkingDay(day: string | Date): boolean {
    const date = typeof day === 'string' ? day : this.localDay(day);
    this.checkCovered(date);
    if (this.holidays.has(date)) return false;
    if (this.makeup.has(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** `at` itself when inside working hours of a working day, else when the next working period opens. */
  nextWorkingTime(at: Date): Date {
    let day = this.localDay(at);
    const intoDay = at.getTime() - this.dayStartUtc(day);
    if (this.isWorkingDay(day) && intoDay >= this.start && intoDay < this.end) return at;
    if (!this.isWorkingDay(day) || intoDay >= this.end) day = this.nextWorkingDay(day);
    return new Date(this.dayStartUtc(day) + this.start);
  }

  /** `at` itself when inside (or at the close of) working hours, else the close of the last working period before it. */
  previousWorkingTime(at: Date): Date {
    let day = this.localDay(at);
    const intoDay = at.getTime() - this.dayStartUtc(day);
    if (this.isWorkingDay(day) && intoDay > this.start && intoDay <= this.end) return at;
    if (!this.isWorkingDay(day) || intoDay <= this.start) day = this.previousWorkingDay(day);
    return new Date(this.dayStartUtc(day) + this.end);
  }

  /** "Within N working days" ends at the close of the Nth working day after the moment's day. */
  addWorkingDays(from: Date, days: number): Date {
    let day = this.localDay(from);
    if (days === 0 && !this.isWorkingDay(day)) day = this.nextWorkingDay(day);
    for (let i = 0; i < days; i++) day = this.nextWorkingDay(day);
    return new Date(this.dayStartUtc(day) + this.end);
  }

  /** "N working days before X": the Nth working day counting back from X, X itself not counted. */
  workingDaysBefore(day: string, days: number): string {
    let current = day;
    for (let i = 0; i < days; i++) current = this.previousWorkingDay(current);
    return current;
  }

  /** When a local day's working hours open and close, as instants (a deadline "on" that day). */
  workingHoursOf(day: string): { opens: Date; closes: Date } {
    return { opens: new Date(this.dayStartUtc(day) + this.start), closes: new Date(this.dayStartUtc(day) + this.end) };
  }

  /** The instant a local day begins (00:00 China time). */
  startOfDay(day: string): Date {
    return new Date(this.dayStartUtc(day));
  }

  /** Adds hours counted only inside working hours of working days. */
  addWorkingHours(from: Date, hours: number): Date {
    let remaining = hours * 60 * MINUTE;
    let at = this.nextWorkingTime(from);
    for (;;) {
      const day = this.localDay(at);
      const close = this.dayStartUtc(day) + this.end;
      if (at.getTime() + remaining <= close) return new Date(at.getTime() + remaining);
      remaining -= close - at.getTime();
      at = new Date(this.dayStartUtc(this.nextWorkingDay(day)) + this.start);
    }
  }

  /** Counts hours back inside working hours of working days (a reminder before a deadline). */
  subtractWorkingHours(from: Date, hours: number): Date {
    let remaining = hours * 60 * MINUTE;
    let at = this.previousWorkingTime(from);
    for (;;) {
      const day = this.localDay(new Date(at.getTime() - 1));
      const open = this.dayStartUtc(day) + this.start;
      if (at.getTime() - remaining >= open) return new Date(at.getTime() - remaining);
      remaining -= at.getTime() - open;
      at = new Date(this.dayStartUtc(this.previousWorkingDay(day)) + this.end);
    }
  }

  /** The same local time of day, N working days later (negative: earlier). */
  shiftWorkingDays(from: Date, days: number): Date {
    let day = this.localDay(from);
    const timeOfDay = from.getTime() - this.dayStartUtc(day);
    for (let i = 0; i < Math.abs(days); i++) day = days > 0 ? this.nextWorkingDay(day) : this.previousWorkingDay(day);
    return new Date(this.dayStartUtc(day) + timeOfDay);
  }

  /** Working time between two instants, in ms (0 when `to` is not after `from`): how long a clock was paused. */
  workingMsBetween(from: Date, to: Date): number {
    let total = 0;
    let at = this.nextWorkingTime(from).getTime();
    while (at < to.getTime()) {
      const day = this.localDay(new Date(at));
      const close = this.dayStartUtc(day) + this.end;
      total += Math.min(close, to.getTime()) - at;
      at = this.dayStartUtc(this.nextWorkingDay(day)) + this.start;
    }
    return total;
  }

  /** Plain elapsed hours, for round-the-clock targets such as fault restoration. */
  addCalendarHours(from: Date, hours: number): Date {
    return new Date(from.getTime() + hours * 60 * MINUTE);
  }

  /** Working days after `from`'s day up to and including `to`'s day. */
  workingDaysBetween(from: Date, to: Date): number {
    let count = 0;
    const last = this.localDay(to);
    for (let day = this.shift(this.localDay(from), 1); day <= last; day = this.shift(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /** Working days from `from` to `to`, both days included. */
  workingDays(from: string, to: string): number {
    let count = 0;
    for (let day = from; day <= to; day = this.shift(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /** Each day from `from` to `to`: working, a holiday (with the festival's name) or a make-up working day. */
  calendarDays(from: string, to: string): CalendarDay[] {
    const days: CalendarDay[] = [];
    for (let day = from; day <= to; day = this.shift(day, 1)) {
      const kind = this.holidays.has(day)
        ? 'HOLIDAY'
        : this.makeup.has(day)
          ? 'MAKEUP_WORKDAY'
          : this.isWorkingDay(day)
            ? 'WORKDAY'
            : 'WEEKEND';
      days.push({
        day,
        kind,
        working: this.isWorkingDay(day),
        holidayName: kind === 'HOLIDAY' ? (this.options.schedule.names?.get(day) ?? null) : null,
        provisional: !this.years.has(Number(day.slice(0, 4))),
      });
    }
    return days;
  }

  /** Whether the holiday schedule of every year from `from` to `to` is known (else deadlines there are provisional). */
  covers(from: Date, to: Date): boolean {
    for (let year = Number(this.localDay(from).slice(0, 4)); year <= Number(this.localDay(to).slice(0, 4)); year++) {
      if (!this.years.has(year)) return false;
    }
    return true;
  }

  /** The working hours of a day, as "HH:MM" local time. */
  get workingHours(): { start: string; end: string } {
    return { start: this.options.workdayStart ?? '08:30', end: this.options.workdayEnd ?? '17:30' };
  }

  private nextWorkingDay(day: string): string {
    let next = this.shift(day, 1);
    while (!this.isWorkingDay(next)) next = this.shift(next, 1);
    return next;
  }

  private previousWorkingDay(day: string): string {
    let previous = this.shift(day, -1);
    while (!this.isWorkingDay(previous)) previous = this.shift(previous, -1);
    return previous;
  }

  private shift(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  }

  /** The UTC instant at which the local day begins. */
  private dayStartUtc(day: string): number {
    return Date.parse(`${day}T00:00:00Z`) - this.offset;
  }

  private checkCovered(day: string): void {
    const year = Number(day.slice(0, 4));
    if (this.options.strict !== false && !this.years.has(year)) {
      throw new RangeError(`The holiday schedule of ${year} is not known yet (known: ${this.options.schedule.years.join(', ')})`);
    }
  }
}

/**
 * The center's calendar before any administrator entry: China's holidays, working hours 08:30 to
 * 17:30 China Standard Time. Not strict: a deadline reaching into a year whose schedule is not
 * published yet (2027 as of this writing) counts Monday to Friday rather than refusing to open
 * the ticket, and is marked provisional.
 */
export const defaultCalendar = new BusinessCalendar({ schedule: chinaHolidays, strict: false });
