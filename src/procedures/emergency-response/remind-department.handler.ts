import { execSql } from '../../db/plain-rows';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { TaskStatus } from '../../modules/processes/process.enums';
import type { Clock } from '../../shared/clock';
import { noteOnTicket } from '../fault-handling/ticket-note';

/**
 * 提醒: before the resolution deadline the department carrying out the plan is reminded, in the
 * ticket's history. The department is read from the open task (as the chase does), so the
 * reminder names whom the work is offered to, whichever form chose it.
 */
export const remindDepartment =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const reminded = Array.isArray(call.variables.remindedAt) ? (call.variables.remindedAt as string[]) : [];
    const now = clock.now();
    if (call.ticketId) {
      const [task] = await execSql<{ candidate_department: string }>(
        call.em,
        'select candidate_department from process_task where instance_id = ? and status = ? and candidate_department is not null order by created_at limit 1',
        [call.instanceId, TaskStatus.OPEN],
      );
      const department = task?.candidate_department ?? 'the department working on it';
      await noteOnTicket(call.em, call.ticketId, now, `提醒: ${department}, the resolution deadline is near (${call.elementId})`);
    }
    return { remindedAt: [...reminded, now.toISOString()] };
  };
