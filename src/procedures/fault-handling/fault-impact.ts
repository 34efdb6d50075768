import { randomUUID } from 'node:crypto';
import { execSql } from '../../db/plain-rows';
import type { UnitOfWork } from '../../db/unit-of-work';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import type { Clock } from '../../shared/clock';
import { AlarmSeverity } from './alarm.types';
import { FaultImpactSource } from './fault-facts.entity';

/** ITU-T X.733: critical and major alarms report a service-affecting condition; minor and warning do not. */
const AFFECTS_SERVICE: Record<AlarmSeverity, boolean> = {
  [AlarmSeverity.CRITICAL]: true,
  [AlarmSeverity.MAJOR]: true,
  [AlarmSeverity.MINOR]: false,
  [AlarmSeverity.WARNING]: false,
};

/** The fact alarms pass at intake (alarm.service.ts): the alarm's severity. */
export const ALARM_SEVERITY_FACT = 'alarmSeverity';

/** Records (or corrects) whether the fault affects service, in the caller's transaction; the latest word wins. */
async function recordImpact(uow: UnitOfWork, ticketId: string, serviceAffecting: boolean, source: FaultImpactSource, at: Date) {
  await execSql(
    uow.em,
    `insert into fault_facts (id, ticket_id, service_affecting, source, recorded_at, version) values (?, ?, ?, ?, ?, 1)
     on conflict (ticket_id) do update set service_affecting = excluded.service_affecting, source = excluded.source,
       recorded_at = excluded.recorded_at, version = fault_facts.version + 1`,
    [randomUUID(), ticketId, serviceAffecting, source, at],
  );
}

/** At intake: a fault an OSS alarm opened is service-affecting by its severity; others wait for the center's word. */
export const faultIntake =
  (clock: Clock) =>
  async (uow: UnitOfWork, ticket: Ticket, facts: TicketOpening['facts']): Promise<void> => {
    const severity = facts?.[ALARM_SEVERITY_FACT];
    if (typeof severity !== 'string' || !(severity in AFFECTS_SERVICE)) return;
    await recordImpact(uow, ticket.id, AFFECTS_SERVICE[severity as AlarmSeverity], FaultImpactSource.ALARM, clock.now());
  };

/** When the fault is acknowledged: the center's "Service affected" answer (the form's `impact`), when given. */
export const impactAtAcknowledge =
  (clock: Clock) =>
  async (uow: UnitOfWork, ticketId: string, variables: Readonly<Record<string, unknown>>): Promise<void> => {
    if (typeof variables.impact !== 'boolean') return;
    await recordImpact(uow, ticketId, variables.impact, FaultImpactSource.ACKNOWLEDGE, clock.now());
  };
