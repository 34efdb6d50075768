import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { lateDepartment } from '../shared/late-department';
import { noteOnTicket } from '../shared/ticket-note';

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
      const department = await lateDepartment(call);
      await noteOnTicket(call.em, call.ticketId, now, `提醒: ${department}, the resolution deadline is near (${call.elementId})`);
    }
    return { remindedAt: [...reminded, now.toISOString()] };
  };
