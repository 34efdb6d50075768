import { execSql } from '../../db/plain-rows';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { TaskStatus } from '../../modules/processes/process.enums';
import type { Clock } from '../../shared/clock';
import { perClock } from './per-clock';

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
        const [task] = await execSql<{ candidate_department: string }>(
          call.em,
          'select candidate_department from process_task where instance_id = ? and status = ? and candidate_department is not null order by created_at limit 1',
          [call.instanceId, TaskStatus.OPEN],
        );
        const department = task?.candidate_department ?? 'the department working on it';
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
    },
);
