import { Arg, Authorized, Ctx, Float, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { MaxItems } from '../../graphql/list-cap';
import { badInput } from '../../shared/domain-error';
import { ADMINISTER, READ_CENTER_DATA } from '../auth/access';
import { CalendarDayInfo, CalendarDayKind, HolidaySchedule, SetHolidayScheduleInput } from './calendar.types';
import { LocalDateScalar } from './local-date.scalar';

/** Longest range one calendar question may cover: a year of days, ten years of counting. */
const MAX_LISTED_DAYS = 366;
const MAX_COUNTED_DAYS = 3660;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

function checkRange(from: string, to: string, max: number): void {
  if (to < from) throw badInput('to', `to (${to}) is before from (${from})`);
  if (daysBetween(from, to) >= max) throw badInput('to', `ask for at most ${max} days at once`);
}

/** The center's working-day arithmetic, so dashboards and integrators count as the hub does. */
@Resolver()
export class CalendarResolver {
  @Authorized(...READ_CENTER_DATA)
  @Query(() => Date, {
    description:
      '`from` plus working time: "within N working days" ends at the close of the Nth working day after from\'s day; hours count inside working hours (days first, then hours)',
  })
  addWorkingTime(
    @Arg('from', () => Date) from: Date,
    @Ctx() ctx: AppContext,
    @Arg('days', () => Int, { nullable: true }) days?: number,
    @Arg('hours', () => Float, { nullable: true }) hours?: number,
  ): Date {
    if (days == null && hours == null) throw badInput('days', 'say how many working days or hours to add');
    if (days != null && (days < 0 || days > 1000)) throw badInput('days', 'days must be between 0 and 1000');
    if (hours != null && (hours < 0 || hours > 10_000 || !Number.isFinite(hours)))
      throw badInput('hours', 'hours must be between 0 and 10000');
    const calendar = ctx.services.calendar.current;
    const afterDays = days != null ? calendar.addWorkingDays(from, days) : from;
    return hours != null ? calendar.addWorkingHours(afterDays, hours) : afterDays;
  }

  @Authorized(...READ_CENTER_DATA)
  @Query(() => LocalDateScalar, { description: 'the Nth working day counting back from `day`, `day` itself not counted' })
  workingDaysBefore(@Arg('day', () => LocalDateScalar) day: string, @Arg('days', () => Int) days: number, @Ctx() ctx: AppContext): string {
    if (days < 0 || days > 1000) throw badInput('days', 'days must be between 0 and 1000');
    return ctx.services.calendar.current.workingDaysBefore(day, days);
  }

  @Authorized(...READ_CENTER_DATA)
  @Query(() => Int, { description: 'working days from `from` to `to`, both included' })
  workingDays(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: AppContext,
  ): number {
    checkRange(from, to, MAX_COUNTED_DAYS);
    return ctx.services.calendar.current.workingDays(from, to);
  }

  @Authorized(...READ_CENTER_DATA)
  @MaxItems(MAX_LISTED_DAYS)
  @Query(() => [CalendarDayInfo], {
    description: `each day from \`from\` to \`to\` (at most ${MAX_LISTED_DAYS}): working, weekend, holiday (with its name) or make-up working day`,
  })
  calendarDays(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: AppContext,
  ): CalendarDayInfo[] {
    checkRange(from, to, MAX_LISTED_DAYS);
    return ctx.services.calendar.current.calendarDays(from, to).map((d) => ({ ...d, kind: d.kind as CalendarDayKind }));
  }

  @Authorized(...READ_CENTER_DATA)
  @Query(() => HolidaySchedule, { description: "one year's holidays and make-up working days, and where they come from" })
  holidaySchedule(@Arg('year', () => Int) year: number, @Ctx() ctx: AppContext): HolidaySchedule {
    if (year < 1900 || year > 2200) throw badInput('year', 'year must be between 1900 and 2200');
    return ctx.services.calendar.schedule(year);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => HolidaySchedule, {
    description: "enters one year's holidays and make-up working days (replacing the packaged ones); versioned and in the history",
  })
  setHolidaySchedule(@Arg('input') input: SetHolidayScheduleInput, @Ctx() ctx: AppContext): Promise<HolidaySchedule> {
    return ctx.services.calendar.setHolidaySchedule(ctx, input);
  }
}
