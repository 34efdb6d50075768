import { ServiceLevel } from '../customers/customer.enums';
import { TicketKind, TicketPriority, TicketSeverity } from './ticket.enums';

/** The part of the working-day calendar deadlines need (the calendar module provides it). */
export interface DeadlineCalendar {
  addWorkingDays(from: Date, days: number): Date;
  addWorkingHours(from: Date, hours: number): Date;
  addCalendarHours(from: Date, hours: number): Date;
  /** whether the holiday schedules of every year from `from` to `to` are known */
  covers(from: Date, to: Date): boolean;
  /** whether `at` falls on a working day (make-up working days included) */
  isWorkingDay(at: Date): boolean;
  /** `at` itself inside working hours of a working day, else when the next working period opens */
  nextWorkingTime(at: Date): Date;
}

/**
 * A span of time: round-the-clock hours, hours within working time, or whole working days.
 * Round-the-clock hours that `landInWorkingTime` end no earlier than the next working time when
 * they would end outside it (DOMAIN.md, Time: a deadline ending on a holiday moves on).
 */
export type Span = { calendarHours: number; landInWorkingTime?: boolean } | { workingHours: number } | { workingDays: number };

export interface TicketDeadlines {
  responseDueAt: Date;
  resolutionDueAt: Date;
  reportDueAt: Date | null;
}

export interface DeadlineFacts {
  kind: TicketKind;
  level: ServiceLevel;
  priority: TicketPriority;
  severity?: TicketSeverity | null;
  /** whether the ticket came in on a working day (deadlinesFor reads it from the calendar) */
  receivedOnWorkingDay?: boolean;
}

// Faults run round the clock: restore targets by customer level (tighter for higher levels).
const faultRestoreHours: Record<ServiceLevel, number> = {
  [ServiceLevel.DIAMOND]: 2,
  [ServiceLevel.GOLD]: 4,
  [ServiceLevel.SILVER]: 6,
  [ServiceLevel.BRONZE]: 8,
  [ServiceLevel.STANDARD]: 24,
};
const faultResponseHours: Record<ServiceLevel, number> = {
  [ServiceLevel.DIAMOND]: 0.25,
  [ServiceLevel.GOLD]: 0.5,
  [ServiceLevel.SILVER]: 1,
  [ServiceLevel.BRONZE]: 2,
  [ServiceLevel.STANDARD]: 4,
};

/**
 * Consultations (客户服务响应时间规章制度): acknowledged within 24 h of a message received on a
 * working day, 2 h when urgent, 48 h when received on a non-working day; answered within 24 h
 * (ordinary) or 48 h (complex, as the center judges at confirmation, so 24 h until then).
 *
 * These are round-the-clock hours, not working hours: the rules tell a working-day receipt from a
 * non-working-day one, which would mean nothing if only working time counted (48 working hours
 * would be six working days). DOMAIN.md's calendar rule still applies where they end: a deadline
 * that falls on a holiday or out of hours moves to the next working time, when someone is there.
 *
 * Calls and visits follow the same rules: the customer is acknowledged in the conversation, and
 * the call's own target (answered within 20 s, 60 s when busy) is recorded at intake by the
 * service-request procedure; the response deadline is then how long recording it may take at most.
 */
function consultationSpans(urgent: boolean, receivedOnWorkingDay: boolean): { response: Span; resolution: Span; report: null } {
  const response = urgent ? 2 : receivedOnWorkingDay ? 24 : 48;
  return { response: { calendarHours: response, landInWorkingTime: true }, resolution: consultationAnswerSpan(false), report: null };
}

/** How long a consultation's answer may take from receipt: 24 h ordinary, 48 h complex. */
export function consultationAnswerSpan(complex: boolean): Span {
  return { calendarHours: complex ? 48 : 24, landInWorkingTime: true };
}

/**
 * The default service-level policy. Consultations: see consultationSpans. Durations of checks and
 * provisioning follow the resource-check rules (single-point access ≤ 7 to 14 working days). Faults and emergencies count round the clock.
 */
export function spansFor(facts: DeadlineFacts): { response: Span; resolution: Span; report: Span | null } {
  const urgent = facts.priority === TicketPriority.CRITICAL || facts.priority === TicketPriority.HIGH;
  const officeResponse: Span = { workingHours: urgent ? 2 : 8 };
  switch (facts.kind) {
    case TicketKind.FAULT:
      return {
        response: { calendarHours: faultResponseHours[facts.level] },
        resolution: { calendarHours: faultRestoreHours[facts.level] },
        report: { workingDays: 2 },
      };
    case TicketKind.EMERGENCY:
      return { response: { calendarHours: 0.25 }, resolution: { calendarHours: urgent ? 4 : 24 }, report: { workingDays: 3 } };
    case TicketKind.COMPLAINT: {
      const days = facts.severity === TicketSeverity.CRISIS ? 1 : facts.severity === TicketSeverity.MAJOR ? 3 : 5;
      return { response: { workingHours: urgent ? 2 : 4 }, resolution: { workingDays: days }, report: null };
    }
    case TicketKind.CONSULTATION:
      return consultationSpans(urgent, facts.receivedOnWorkingDay ?? true);
    case TicketKind.RESOURCE_CHECK:
      return { response: officeResponse, resolution: { workingDays: 3 }, report: null };
    case TicketKind.PRESALES_SUPPORT:
      return { response: officeResponse, resolution: { workingDays: 5 }, report: null };
    case TicketKind.CIRCUIT_DISPATCH:
      return { response: officeResponse, resolution: { workingDays: 10 }, report: { workingDays: 10 } };
    case TicketKind.CUTOVER_NOTICE:
      return { response: officeResponse, resolution: { workingDays: 5 }, report: { workingDays: 6 } };
    case TicketKind.HANDOVER_ACCEPTANCE:
      return { response: officeResponse, resolution: { workingDays: 10 }, report: { workingDays: 10 } };
  }
}

export function addSpan(calendar: DeadlineCalendar, from: Date, span: Span): Date {
  if ('calendarHours' in span) {
    const end = calendar.addCalendarHours(from, span.calendarHours);
    return span.landInWorkingTime ? calendar.nextWorkingTime(end) : end;
  }
  if ('workingHours' in span) return calendar.addWorkingHours(from, span.workingHours);
  return calendar.addWorkingDays(from, span.workingDays);
}

export interface PolicySpans {
  response: Span;
  resolution: Span;
  report: Span | null;
}

/** Deadlines of a ticket opened at `openedAt`; an administrator's override replaces the default spans. */
export function deadlinesFor(
  calendar: DeadlineCalendar,
  openedAt: Date,
  facts: DeadlineFacts,
  override?: PolicySpans | null,
): TicketDeadlines {
  const spans = override ?? spansFor({ ...facts, receivedOnWorkingDay: calendar.isWorkingDay(openedAt) });
  return {
    responseDueAt: addSpan(calendar, openedAt, spans.response),
    resolutionDueAt: addSpan(calendar, openedAt, spans.resolution),
    reportDueAt: spans.report ? addSpan(calendar, openedAt, spans.report) : null,
  };
}
