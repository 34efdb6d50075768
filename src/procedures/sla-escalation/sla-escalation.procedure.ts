import { execSql } from '../../db/plain-rows';
import { TimerStatus } from '../../modules/processes/process.enums';
import type { ProcessRunnerService } from '../../modules/processes/process-runner.service';
import type { ClockBreach, SlaClockService } from '../../modules/sla/sla-clock.service';
import type { DomainEvent } from '../../shared/event-bus';
import { systemActor } from '../../shared/service-context';
import type { Procedure } from '../procedure';

/**
 * 超时升级: a breached deadline opens a task for the owner department's supervisors
 * (processes/sla-escalation.bpmn). No ticket kind starts it, and it never sets the ticket's
 * status: the ticket's own procedure keeps that.
 */
export const slaEscalation: Procedure = {
  key: 'sla-escalation',
  ticketKinds: [],
  startVariables: (ticket) => ({ ticketId: ticket.id, ticketNumber: ticket.number }),
  statusOnEnter: {},
};

/**
 * Starts one escalation per breached clock, in the sweep's transaction (the sweep marks each
 * breach once), unless the ticket's own procedure has its escalation armed after that deadline
 * ("1 working day after resolution deadline"): the supervisors get one task for one late ticket.
 */
export function escalateBreaches(sla: SlaClockService, runner: ProcessRunnerService): void {
  sla.onBreached = async (em, events: DomainEvent[], breach: ClockBreach) => {
    const [drawn] = await execSql<{ id: string }>(
      em,
      `select t.id from process_timer t join process_instance i on i.id = t.instance_id
       where i.ticket_id = ? and t.status = ? and t.follows ilike ? limit 1`,
      [breach.ticketId, TimerStatus.PENDING, `% after ${breach.kind.toLowerCase()} deadline`],
    );
    if (drawn) return;
    await runner.startInstance(
      em,
      events,
      { actor: systemActor, principal: null, em },
      slaEscalation.key,
      breach.ticketNumber,
      {
        ticketId: breach.ticketId,
        ticketNumber: breach.ticketNumber,
        deadline: breach.kind,
        dueAt: breach.dueAt.toISOString(),
        ownerDepartment: breach.ownerDepartmentCode,
      },
      // Not the ticket's procedure (that one sets its status): linked by business key and variables only.
      null,
    );
  };
}
