import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { lateDepartment } from './late-department';
import { perClock } from './per-clock';
import { noteOnTicket } from './ticket-note';

/**
 * 催办: the late department is chased. The chase is kept in the instance's variables and, when the
 * procedure works on a ticket, recorded in the ticket's history in the step's transaction. Safe to
 * run twice: a retried step rolls the first try's savepoint back.
 *
 * The late department is the one the instance's open work is offered to (fault handling's
 * maintainer, a complaint's handling department): whichever variable a diagram chose it in, the
 * task row already holds it, so one handler serves every procedure.
 */
export const chaseDepartment = perClock(
  (clock: Clock): ServiceHandler =>
    async (call) => {
      const chased = Array.isArray(call.variables.chasedAt) ? (call.variables.chasedAt as string[]) : [];
      const now = clock.now();
      if (call.ticketId) {
        await noteOnTicket(call.em, call.ticketId, now, `催办: ${await lateDepartment(call)} chased at ${call.elementId}`);
      }
      return { chasedAt: [...chased, now.toISOString()] };
    },
);
