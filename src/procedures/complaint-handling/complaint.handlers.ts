import { execSql } from '../../db/plain-rows';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import type { ServiceHandler } from '../../modules/processes/engine/service-registry';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketSeverity } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import type { Regrade } from './complaint-intake';

/**
 * The severity the gateway goes by, read from the ticket when the complaint gets there: another
 * complaint on the same matter may have made it major since it was opened.
 */
export const readSeverity: ServiceHandler = async (call) => {
  if (!call.ticketId) return { severity: TicketSeverity.ORDINARY, isCrisis: false, isMajor: false };
  const [row] = await execSql<{ severity: TicketSeverity | null }>(call.em, 'select severity from ticket where id = ?', [call.ticketId]);
  const severity = row?.severity ?? TicketSeverity.ORDINARY;
  return { severity, isCrisis: severity === TicketSeverity.CRISIS, isMajor: severity === TicketSeverity.MAJOR };
};

/** An invalid complaint is declined with its reason, which the customer reads in the ticket's history. */
export const tellRejection =
  (clock: Clock): ServiceHandler =>
  async (call) => {
    const reason = typeof call.variables.invalidReason === 'string' ? call.variables.invalidReason.trim() : '';
    if (call.ticketId) {
      recordHistory(call.em, null, {
        subjectType: SubjectType.TICKET,
        subjectId: call.ticketId,
        action: HistoryAction.NOTE_ADDED,
        at: clock.now(),
        note: `投诉不予受理 (declined): ${reason}`,
        customerVisible: true,
      });
      await call.em.flush();
    }
    return undefined;
  };

/**
 * "Unresolved for 2 months by our fault" makes a complaint major: when the resolve task's long
 * timer fires and classification recorded the fault as ours, the ticket is graded MAJOR.
 */
export const escalateUnresolved =
  (regrade: Regrade): ServiceHandler =>
  async (call) => {
    if (!call.ticketId || call.variables.ourFault !== true) return { escalatedUnresolved: false };
    const ticket = await call.em.findOne(Ticket, { id: call.ticketId });
    if (!ticket || ticket.severity === TicketSeverity.MAJOR || ticket.severity === TicketSeverity.CRISIS) {
      return { escalatedUnresolved: false };
    }
    // A handler has the step's transaction but not its event list: the step's own events announce the instance.
    await regrade(
      { em: call.em, events: call.events },
      ticket,
      TicketSeverity.MAJOR,
      'escalated to MAJOR: unresolved for 2 months by our fault',
    );
    return { escalatedUnresolved: true };
  };
