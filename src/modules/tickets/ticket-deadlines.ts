import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceLevel } from '../customers/customer.enums';
import { type DeadlineCalendar, deadlinesFor, type TicketDeadlines } from './sla-policy';
import type { SlaPolicyService } from './sla-policy.service';
import type { TicketKind, TicketPriority, TicketSeverity } from './ticket.enums';

/** What a ticket's deadlines are counted from. */
export interface DeadlineBasis {
  kind: TicketKind;
  level: ServiceLevel;
  priority: TicketPriority;
  severity?: TicketSeverity | null;
  /** the moment the ticket opened */
  from: Date;
}

/**
 * A ticket's deadlines, by the policy in force (an administrator's override, else the default)
 * on the center's calendar, and whether they reach into a year whose schedule is not known yet.
 * Opening a ticket and recomputing one (a new priority or severity, a year entered) count alike.
 */
export async function ticketDeadlines(
  em: EntityManager,
  calendar: DeadlineCalendar,
  policy: SlaPolicyService,
  basis: DeadlineBasis,
): Promise<{ deadlines: TicketDeadlines; provisional: boolean }> {
  const override = await policy.overrideFor(em, basis.kind, basis.level);
  const deadlines = deadlinesFor(
    calendar,
    basis.from,
    { kind: basis.kind, level: basis.level, priority: basis.priority, severity: basis.severity },
    override,
  );
  return { deadlines, provisional: !calendar.covers(basis.from, latestOf(deadlines)) };
}

/** The last of a ticket's deadlines: how far its calendar must be known. */
const latestOf = (deadlines: TicketDeadlines): Date =>
  new Date(Math.max(deadlines.responseDueAt.getTime(), deadlines.resolutionDueAt.getTime(), deadlines.reportDueAt?.getTime() ?? 0));
