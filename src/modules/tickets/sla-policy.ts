import { ServiceLevel } from '../customers/customer.enums';
import { TicketKind, TicketPriority, TicketSeverity } from './ticket.enums';

/** The part of the working-day calendar deadlines need (the calendar module provides it). */
export interface DeadlineCalendar {
  addWorkingDays(from: Date, days: number): Date;
  addWorkingHours(from: Date, hours: number): Date;
  addCalendarHours(from: Date, hours: number): Date;
  /** whether the holiday schedules of every year from `from` to `to` are known */
  covers(from: Date, to: Date): boolean;
}

/** A span of time: round-the-clock hours, hours within working time, or whole working days. */
export type Span = { calendarHours: number } | { workingHours: number } | { workingDays: number };

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
 * The default service-level policy. Response: emails and online messages are acknowledged within
 * 24 h (2 h when urgent); answers come within 24 h for ordinary and 48 h for complex matters
 * (客户服务响应时间规章制度). Durations of checks and provisioning follow the resource-check rules
 * (single-point access ≤ 7 to 14 working days). Faults and emergencies count round the clock.
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
      return { response: officeResponse, resolution: { calendarHours: urgent ? 24 : 48 }, report: null };
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
  if ('calendarHours' in span) return calendar.addCalendarHours(from, span.calendarHours);
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
  const spans = override ?? spansFor(facts);
  return {
    responseDueAt: addSpan(calendar, openedAt, spans.response),
    resolutionDueAt: addSpan(calendar, openedAt, spans.resolution),
    reportDueAt: spans.report ? addSpan(calendar, openedAt, spans.report) : null,
  };
}
