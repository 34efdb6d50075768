import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, staleVersion } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, recordHistory } from '../history/history.service';
import { BusinessCalendar } from './business-calendar';
import { HolidayScheduleChangedEvent } from './calendar.events';
import { type HolidaySchedule, ScheduleSource, type SetHolidayScheduleInput } from './calendar.types';
import { builtInSchedules, combineSchedules, type YearSchedule } from './china-holidays';
import { HolidayScheduleEntry } from './holiday-schedule.entity';

/** What deadlines need of a calendar (the tickets module declares the same shape). */
export interface DeadlineCalendar {
  addWorkingDays(from: Date, days: number): Date;
  addWorkingHours(from: Date, hours: number): Date;
  addCalendarHours(from: Date, hours: number): Date;
  subtractWorkingHours(from: Date, hours: number): Date;
  shiftWorkingDays(from: Date, days: number): Date;
  workingMsBetween(from: Date, to: Date): number;
  covers(from: Date, to: Date): boolean;
}

export interface WorkingHours {
  /** "HH:MM", China time */
  start: string;
  end: string;
}

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/**
 * The center's calendar as data: the packaged schedules, replaced year by year by administrators'
 * entries. Deadlines everywhere are counted on `current`, which is rebuilt when an entry changes.
 * Other hubs on the same database read the entries at start (and when they change an entry).
 */
export class CalendarService implements DeadlineCalendar {
  private readonly builtIn = builtInSchedules();
  private entries = new Map<number, HolidayScheduleEntry>();
  private calendar: BusinessCalendar;

  constructor(
    private readonly clock: Clock,
    private readonly hours: WorkingHours,
    /** tells the other hubs, once committed, that a year's schedule changed (they load it again) */
    private readonly bus?: EventBus,
  ) {
    this.calendar = this.build();
  }

  get current(): BusinessCalendar {
    return this.calendar;
  }

  // Deadlines (DeadlineCalendar) are counted on the calendar in force at the moment of asking.
  addWorkingDays(from: Date, days: number): Date {
    return this.calendar.addWorkingDays(from, days);
  }

  addWorkingHours(from: Date, hours: number): Date {
    return this.calendar.addWorkingHours(from, hours);
  }

  addCalendarHours(from: Date, hours: number): Date {
    return this.calendar.addCalendarHours(from, hours);
  }

  subtractWorkingHours(from: Date, hours: number): Date {
    return this.calendar.subtractWorkingHours(from, hours);
  }

  shiftWorkingDays(from: Date, days: number): Date {
    return this.calendar.shiftWorkingDays(from, days);
  }

  workingMsBetween(from: Date, to: Date): number {
    return this.calendar.workingMsBetween(from, to);
  }

  covers(from: Date, to: Date): boolean {
    return this.calendar.covers(from, to);
  }

  isWorkingDay(at: Date): boolean {
    return this.calendar.isWorkingDay(at);
  }

  nextWorkingTime(at: Date): Date {
    return this.calendar.nextWorkingTime(at);
  }

  /** Told, inside the transaction that enters a year, so provisional deadlines are computed again on it. */
  onScheduleChanged: ((em: EntityManager, year: number) => Promise<void>) | null = null;

  /** Reads the administrators' entries (at start, and after one changed). */
  async load(em: EntityManager): Promise<void> {
    const rows = await em.fork().find(HolidayScheduleEntry, {}, { orderBy: { year: 'asc' } });
    this.entries = new Map(rows.map((row) => [row.year, row]));
    this.calendar = this.build();
  }

  schedule(year: number): HolidaySchedule {
    const entry = this.entries.get(year);
    if (entry) {
      return {
        year,
        source: ScheduleSource.ADMINISTRATOR,
        holidays: entry.holidays,
        makeupWorkdays: entry.makeupWorkdays,
        version: entry.version,
      };
    }
    const packaged = this.builtIn.get(year);
    if (packaged)
      return {
        year,
        source: ScheduleSource.BUILT_IN,
        holidays: [...packaged.holidays],
        makeupWorkdays: [...packaged.makeupWorkdays],
        version: null,
      };
    return { year, source: ScheduleSource.NONE, holidays: [], makeupWorkdays: [], version: null };
  }

  /** Replaces one year's schedule; recorded in the history; deadlines count on it from the next step on. */
  async setHolidaySchedule(ctx: ServiceContext, input: SetHolidayScheduleInput): Promise<HolidaySchedule> {
    checkSchedule(input);
    const previous = this.calendar;
    try {
      await ctx.em.transactional(async (em) => {
        const actor = await actingUser(em, ctx.actor);
        const existing = await em.findOne(HolidayScheduleEntry, { year: input.year });
        if (existing && input.version !== undefined && input.version !== null && input.version !== existing.version) {
          throw staleVersion('HolidaySchedule', String(input.year), input.version, existing.version);
        }
        const before = existing ? { holidays: existing.holidays.length, makeupWorkdays: existing.makeupWorkdays.length } : null;
        const values = {
          holidays: [...input.holidays].map((h) => ({ day: h.day, name: h.name })).sort((a, b) => a.day.localeCompare(b.day)),
          makeupWorkdays: [...input.makeupWorkdays].sort(),
          updatedAt: this.clock.now(),
          updatedBy: actor ? ref(actor) : null,
        };
        const entry = existing ?? em.create(HolidayScheduleEntry, { year: input.year, ...values });
        if (existing) Object.assign(existing, values);
        recordHistory(em, actor, {
          subjectType: SubjectType.CALENDAR,
          subjectId: entry.id,
          action: existing ? HistoryAction.UPDATED : HistoryAction.CREATED,
          at: this.clock.now(),
          changes: [
            { field: 'holidays', from: before ? String(before.holidays) : null, to: values.holidays.map((h) => h.day).join(',') },
            { field: 'makeupWorkdays', from: before ? String(before.makeupWorkdays) : null, to: values.makeupWorkdays.join(',') },
          ],
          note: `holiday schedule of ${input.year}`,
        });
        await em.flush();
        // Count on the new year at once, inside this transaction: provisional deadlines are redone on it.
        this.entries.set(input.year, entry);
        this.calendar = this.build();
        await this.onScheduleChanged?.(em, input.year);
      });
    } catch (err) {
      this.calendar = previous;
      await this.load(ctx.em);
      throw err;
    }
    await this.load(ctx.em);
    await this.bus?.publish([new HolidayScheduleChangedEvent(input.year, this.clock.now())]);
    return this.schedule(input.year);
  }

  private build(): BusinessCalendar {
    const years = new Map<number, YearSchedule>(this.builtIn);
    for (const [year, entry] of this.entries) years.set(year, { year, holidays: entry.holidays, makeupWorkdays: entry.makeupWorkdays });
    return new BusinessCalendar({
      schedule: combineSchedules(years.values()),
      strict: false,
      workdayStart: this.hours.start,
      workdayEnd: this.hours.end,
    });
  }
}

/** Every day in its year, no day twice, and make-up working days on weekends. */
function checkSchedule(input: SetHolidayScheduleInput): void {
  const seen = new Set<string>();
  for (const [field, day] of [
    ...input.holidays.map((h) => ['holidays', h.day] as const),
    ...input.makeupWorkdays.map((d) => ['makeupWorkdays', d] as const),
  ]) {
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
      throw badInput(field, `${day} is not a date`);
    }
    if (!day.startsWith(`${input.year}-`)) throw badInput(field, `${day} is not in ${input.year}`);
    if (seen.has(day)) throw badInput(field, `${day} is listed twice`);
    seen.add(day);
  }
  for (const day of input.makeupWorkdays) {
    const dow = weekday(day);
    if (dow !== 0 && dow !== 6) throw badInput('makeupWorkdays', `${day} is a weekday: make-up working days are Saturdays or Sundays`);
  }
  if (input.holidays.length === 0)
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A year has public holidays: list them', { field: 'holidays' });
}
