import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeadlineCalendar } from '../modules/calendar/calendar.service';
import type { HubTimer, TimerDeadlines, WorkingSpan } from '../modules/processes/engine/hub-timer';
import { SlaClockKind } from '../modules/sla/sla.enums';
import { SlaClock } from '../modules/sla/sla-clock.entity';

const CLOCK_OF = { response: SlaClockKind.RESPONSE, resolution: SlaClockKind.RESOLUTION, report: SlaClockKind.REPORT } as const;

/**
 * Counts the hub's timers on the center's calendar: spans from when the timer is armed ("within 3
 * working days" ends at the close of the third working day), deadlines from the ticket's clocks.
 */
export function timerDeadlines(calendar: DeadlineCalendar): TimerDeadlines {
  const later = (from: Date, span: WorkingSpan) =>
    span.days > 0 ? calendar.addWorkingDays(from, span.days) : calendar.addWorkingHours(from, span.hours);
  const shift = (from: Date, span: WorkingSpan, direction: 'before' | 'after') => {
    if (span.days > 0) return calendar.shiftWorkingDays(from, direction === 'before' ? -span.days : span.days);
    return direction === 'before' ? calendar.subtractWorkingHours(from, span.hours) : calendar.addWorkingHours(from, span.hours);
  };
  return {
    async dueAt(em: EntityManager, timer: HubTimer, at: { now: Date; ticketId: string | null }): Promise<Date> {
      if (timer.kind === 'span') return later(at.now, timer.span);
      if (!at.ticketId)
        throw new Error(`the timer counts to the ticket's ${timer.deadline} deadline, but this instance works on no ticket`);
      const clock = await em.findOne(SlaClock, { ticketId: at.ticketId, kind: CLOCK_OF[timer.deadline] });
      if (!clock) throw new Error(`the timer counts to the ticket's ${timer.deadline} deadline, but the ticket has none`);
      return timer.direction === 'at' ? clock.dueAt : shift(clock.dueAt, timer.offset, timer.direction);
    },
  };
}
