import { execSql } from '../../db/plain-rows';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import type { Clock } from '../../shared/clock';
import { perClock } from '../shared/per-clock';
import { noteOnTicket } from '../shared/ticket-note';

/**
 * Before a deadline the ticket's owner (首问负责: whoever acknowledged it, or was handed it) is
 * reminded, in the ticket's history; nobody owns it yet when nobody acknowledged it, and that is
 * said too, since then the reminder is for the response center as a whole.
 */
export const remindOwner = perClock(
  (clock: Clock): ServiceHandler =>
    async (call) => {
      const reminded = Array.isArray(call.variables.remindedAt) ? (call.variables.remindedAt as string[]) : [];
      const now = clock.now();
      if (call.ticketId) {
        const [owner] = await execSql<{ code: string | null }>(
          call.em,
          'select u.code from ticket t left join app_user u on u.id = t.assignee_id where t.id = ?',
          [call.ticketId],
        );
        await noteOnTicket(call.em, call.ticketId, now, `提醒: ${owner?.code ?? 'no owner yet'}, a deadline is near (${call.elementId})`);
      }
      return { remindedAt: [...reminded, now.toISOString()] };
    },
);
