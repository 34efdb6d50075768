import type { EntityManager } from '@mikro-orm/postgresql';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';

/** A note the procedure leaves in its ticket's history, in the step's transaction (rolled back with a retried try). */
export async function noteOnTicket(em: EntityManager, ticketId: string, at: Date, note: string): Promise<void> {
  recordHistory(em, null, { subjectType: SubjectType.TICKET, subjectId: ticketId, action: HistoryAction.NOTE_ADDED, at, note });
  await em.flush();
}
