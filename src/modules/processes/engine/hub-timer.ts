import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Timer values a process owner writes in the center's terms instead of ISO 8601, counted on the
 * center's working-day calendar by the hub (never by the engine's real clock):
 *
 *   3 working days                        within 3 working days of when the timer is armed
 *   4 working hours                       4 hours counted inside working hours (0.5 allowed)
 *   resolution deadline                   the ticket's resolution deadline (response, resolution, report)
 *   2 working hours before resolution deadline
 *   1 working day after response deadline
 *
 * A deadline timer follows its deadline: when the ticket's clock moves (paused while the ticket
 * waits on the customer, a priority change, an extension), the timer moves with it.
 */

export const TICKET_DEADLINES = ['response', 'resolution', 'report'] as const;
export type TicketDeadline = (typeof TICKET_DEADLINES)[number];

export interface WorkingSpan {
  days: number;
  hours: number;
}

export type HubTimer =
  | { kind: 'span'; span: WorkingSpan }
  | { kind: 'deadline'; deadline: TicketDeadline; offset: WorkingSpan; direction: 'before' | 'after' | 'at' };

const SPAN = String.raw`(\d+(?:\.\d+)?)\s+working\s+(day|days|hour|hours)`;
const SPAN_ONLY = new RegExp(`^${SPAN}$`, 'i');
const DEADLINE = new RegExp(`^(?:${SPAN}\\s+(before|after)\\s+)?(?:the\\s+)?(?:ticket'?s?\\s+)?(\\w+)\\s+deadline$`, 'i');

/** The syntax, as told to a process owner whose timer does not parse. */
export const HUB_TIMER_SYNTAX =
  '"3 working days", "4 working hours", "resolution deadline" (response, resolution or report), or "2 working hours before resolution deadline"';

function spanOf(amount: string, unit: string): WorkingSpan | string {
  const n = Number(amount);
  const days = unit.toLowerCase().startsWith('day');
  if (days && !Number.isInteger(n)) return `working days are whole days ("${amount} working days")`;
  if (n > 366 * (days ? 1 : 24)) return `${amount} working ${unit} is longer than a year`;
  return days ? { days: n, hours: 0 } : { days: 0, hours: n };
}

/**
 * Reads a timer value in the hub's syntax: the timer, a sentence saying what is wrong with a value
 * that is meant as hub syntax (written in words), or null for any other value (ISO 8601, left to
 * the engine).
 */
export function readHubTimer(value: string): HubTimer | string | null {
  const text = value.trim().replace(/\s+/g, ' ');
  // ISO 8601 has no spaces and no words: anything written in words is meant as the hub's syntax.
  if (!/\s|working|deadline/i.test(text)) return null;
  const span = SPAN_ONLY.exec(text);
  if (span) {
    const read = spanOf(span[1], span[2]);
    return typeof read === 'string' ? read : { kind: 'span', span: read };
  }
  const deadline = DEADLINE.exec(text);
  if (!deadline) return `"${text.slice(0, 80)}" is not a timer the hub reads: write ${HUB_TIMER_SYNTAX}`;
  const name = deadline[4].toLowerCase();
  if (!(TICKET_DEADLINES as readonly string[]).includes(name)) {
    return `"${name} deadline" is no deadline of a ticket: write ${TICKET_DEADLINES.map((d) => `${d} deadline`).join(', ')}`;
  }
  if (!deadline[1]) return { kind: 'deadline', deadline: name as TicketDeadline, offset: { days: 0, hours: 0 }, direction: 'at' };
  const offset = spanOf(deadline[1], deadline[2]);
  if (typeof offset === 'string') return offset;
  return { kind: 'deadline', deadline: name as TicketDeadline, offset, direction: deadline[3].toLowerCase() as 'before' | 'after' };
}

/** The hub timer a value is, or null for ISO 8601 values (a malformed hub value counts as null here). */
export function hubTimerOf(value: string | null | undefined): HubTimer | null {
  if (!value) return null;
  const read = readHubTimer(value);
  return typeof read === 'object' ? read : null;
}

/** Where the hub's timers get their due time: the center's calendar and the ticket's clocks. */
export interface TimerDeadlines {
  /** When a hub timer armed at `now` by an instance (working on `ticketId`, if any) falls due. */
  dueAt(em: EntityManager, timer: HubTimer, at: { now: Date; ticketId: string | null }): Promise<Date>;
}
