import type { BusinessCalendar } from '../../modules/calendar/business-calendar';
import { ServiceLevel } from '../../modules/customers/customer.enums';

/**
 * How long before a cutover each customer must be told (割接通告流程实施细则, 信息通告服务承诺):
 * gold ≥ 5 working days, silver ≥ 4, bronze and standard ≥ 3; diamond, above gold, as gold.
 * An emergency for a major safety hazard needs only 24 hours. Administrators may change it.
 */
export interface LeadTimePolicy {
  readonly workingDays: Readonly<Record<ServiceLevel, number>>;
  readonly emergencyHours: number;
}

export const DEFAULT_LEAD_TIMES: LeadTimePolicy = {
  workingDays: {
    [ServiceLevel.DIAMOND]: 5,
    [ServiceLevel.GOLD]: 5,
    [ServiceLevel.SILVER]: 4,
    [ServiceLevel.BRONZE]: 3,
    [ServiceLevel.STANDARD]: 3,
  },
  emergencyHours: 24,
};

/** Most important first: the order notices are listed in, and the customer a cutover's ticket is opened for. */
export const LEVEL_RANK: Readonly<Record<ServiceLevel, number>> = {
  [ServiceLevel.DIAMOND]: 0,
  [ServiceLevel.GOLD]: 1,
  [ServiceLevel.SILVER]: 2,
  [ServiceLevel.BRONZE]: 3,
  [ServiceLevel.STANDARD]: 4,
};

/** The levels whose customers may refuse a cutover's time, and whose cutovers the center approves. */
export const IMPORTANT_LEVELS: readonly ServiceLevel[] = [ServiceLevel.DIAMOND, ServiceLevel.GOLD];

const HOUR = 3600_000;
/** An emergency notice's account manager is reminded this long before its deadline. */
const EMERGENCY_REMINDER_HOURS = 2;

/** When one customer must be told of a cutover, and when its account manager is reminded. */
export interface NoticeDeadline {
  leadWorkingDays: number | null;
  leadHours: number | null;
  /** the last day the customer may be told (China time) */
  notifyBy: string;
  /** the instant telling is chased (催办): the close of that working day, or 24 hours before an emergency */
  notifyDueAt: Date;
  /** the morning of that day (an emergency: two hours before its deadline) */
  remindAt: Date;
}

/**
 * "N working days before day X" is the Nth working day counting back from X, X itself not counted
 * (DOMAIN.md, Time): a gold cutover on 2026-10-09 is told by 2026-09-24.
 */
export function noticeDeadline(
  calendar: BusinessCalendar,
  policy: LeadTimePolicy,
  level: ServiceLevel,
  startsAt: Date,
  emergency: boolean,
): NoticeDeadline {
  if (emergency) {
    const due = new Date(startsAt.getTime() - policy.emergencyHours * HOUR);
    return {
      leadWorkingDays: null,
      leadHours: policy.emergencyHours,
      notifyBy: calendar.localDay(due),
      notifyDueAt: due,
      remindAt: new Date(due.getTime() - EMERGENCY_REMINDER_HOURS * HOUR),
    };
  }
  const days = policy.workingDays[level];
  const notifyBy = calendar.workingDaysBefore(calendar.localDay(startsAt), days);
  const hours = calendar.workingHoursOf(notifyBy);
  return { leadWorkingDays: days, leadHours: null, notifyBy, notifyDueAt: hours.closes, remindAt: hours.opens };
}

/** Whether the time to tell a customer has passed: its last day is over (an emergency: its 24 hours are). */
export function isLate(
  calendar: BusinessCalendar,
  deadline: Pick<NoticeDeadline, 'notifyBy' | 'notifyDueAt' | 'leadHours'>,
  now: Date,
): boolean {
  return deadline.leadHours !== null ? now.getTime() > deadline.notifyDueAt.getTime() : calendar.localDay(now) > deadline.notifyBy;
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

/**
 * The first start, from now, at which customers of these levels can all still be told in time:
 * for N working days, the day after the Nth working day counting today (told today is in time),
 * from its first minute; an emergency, now plus its hours.
 */
export function earliestStart(
  calendar: BusinessCalendar,
  policy: LeadTimePolicy,
  levels: readonly ServiceLevel[],
  now: Date,
  emergency: boolean,
): Date {
  if (emergency) return new Date(now.getTime() + policy.emergencyHours * HOUR);
  const days = Math.max(0, ...levels.map((level) => policy.workingDays[level]));
  if (days === 0) return now;
  let day = calendar.localDay(now);
  for (let counted = 0; ; day = nextDay(day)) {
    if (calendar.isWorkingDay(day)) counted++;
    if (counted === days) return calendar.startOfDay(nextDay(day));
  }
}
