import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';

/**
 * 催办: the late department is chased. The chase is kept in the instance's variables and, when the
 * procedure works on a ticket, recorded in the ticket's history in the step's transaction. Safe to
 * run twice: a retried step rolls the first try's savepoint back.
 */
export const chaseDepartment =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const chased = Array.isArray(call.variables.chasedAt) ? (call.variables.chasedAt as string[]) : [];
    const now = clock.now();
    if (call.ticketId) {
      const department = typeof call.variables.maintainer === 'string' ? call.variables.maintainer : 'the department working on it';
      recordHistory(call.em, null, {
        subjectType: SubjectType.TICKET,
        subjectId: call.ticketId,
        action: HistoryAction.NOTE_ADDED,
        at: now,
        note: `催办: ${department} chased at ${call.elementId}`,
      });
      await call.em.flush();
    }
    return { chasedAt: [...chased, now.toISOString()] };
  };
