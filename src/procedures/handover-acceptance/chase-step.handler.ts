import { execSql } from '../../db/plain-rows';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { TaskStatus } from '../../modules/processes/process.enums';
import type { Clock } from '../../shared/clock';
import { noteOnTicket } from '../shared/ticket-note';

/**
 * Which user task each chase (催办) service task of the diagram chases. The shared chase names the
 * first open task's department; here two line tests run at once, so each chase names its own step.
 */
export const CHASED_STEPS: Readonly<Record<string, string>> = {
  chaseApplication: 'submitApplication',
  chaseRecords: 'enterRecords',
  chaseOnSite: 'onSiteTests',
  chaseTrans: 'lineTestTrans',
  chaseRegion: 'lineTestRegion',
  chaseConfirm: 'confirmResults',
  chaseApproval: 'finalApproval',
  chaseReworkTests: 'reworkTests',
  chaseReworkConstruction: 'reworkConstruction',
  chaseReworkApproval: 'reworkApproval',
};

/**
 * 催办: a step of the acceptance is past its working-day limit; the department it is offered to is
 * chased, in the ticket's history and the instance's variables, in the step's transaction.
 */
export const chaseAcceptanceStep =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const step = CHASED_STEPS[call.elementId] ?? call.elementId;
    const chased = Array.isArray(call.variables.chasedSteps) ? (call.variables.chasedSteps as unknown[]) : [];
    const now = clock.now();
    const [task] = await execSql<{ name: string | null; candidate_department: string | null; due_at: string | null }>(
      call.em,
      `select name, candidate_department, due_at from process_task
        where instance_id = ? and element_id = ? and status = ? order by created_at desc limit 1`,
      [call.instanceId, step, TaskStatus.OPEN],
    );
    if (call.ticketId) {
      const department = task?.candidate_department ?? 'the department working on it';
      const due = task?.due_at ? ` (due ${new Date(task.due_at).toISOString()})` : '';
      await noteOnTicket(call.em, call.ticketId, now, `催办: ${department} chased, ${task?.name ?? step} is late${due}`);
    }
    return { chasedSteps: [...chased, { step, at: now.toISOString() }] };
  };
