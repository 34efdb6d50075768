import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Procedure } from '../procedure';
import { chaseDepartment } from '../shared/chase-department.handler';
import { ticketVariables } from '../shared/ticket-variables';
import { cutoverCancelled, cutoverHandlers } from './cutover.handlers';
import type { CutoverService } from './cutover.service';
import { checkDecision, checkReschedule, checkTold, checkVerification } from './cutover-form-checks';
import { cutoverIntake } from './cutover-intake';
import { noticeHandlers } from './notice.handlers';
import { NOTICE_PROCESS } from './open-notices';
import { recordVerification } from './verify.handler';

/**
 * 割接预通告 (DOMAIN.md procedure 6): processes/cutover-notice.bpmn. requestCutover opens its
 * CUTOVER_NOTICE ticket: the center approves when an important customer is affected, each
 * customer is told by its account manager (cutover-customer-notice, one instance each), a gold
 * customer may send it back to rescheduling, the circuits are under cutover in the window, and
 * their service is verified after it.
 */
export const cutoverNotice = (service: CutoverService): Procedure => ({
  key: 'cutover-notice',
  ticketKinds: [TicketKind.CUTOVER_NOTICE],
  startVariables: (ticket) => ticketVariables(ticket),
  intake: cutoverIntake(service),
  // Rejected only from acknowledged: the ticket stays acknowledged while the center decides.
  statusOnEnter: { tellCustomers: TicketStatus.inProgress, verify: TicketStatus.resolved, refusedEnd: TicketStatus.rejected },
  statusOnComplete: TicketStatus.closed,
  formChecks: { approve: checkDecision, reschedule: checkReschedule(service), verify: checkVerification },
  handlers: {
    ...cutoverHandlers(service),
    recordCutoverVerification: recordVerification(service),
    // Shared with fault and complaint handling: the late verification is chased like any late department.
    chaseDepartment: chaseDepartment(service.clock),
  },
  cancelled: cutoverCancelled(service),
});

/**
 * Telling one customer (processes/cutover-customer-notice.bpmn): its account manager's task, due on
 * the customer's notifyBy day, reminded that morning and chased at its close. It works on no
 * ticket of its own: its notes go to the cutover's ticket, which its variables name.
 */
export const cutoverCustomerNotice = (service: CutoverService): Procedure => ({
  key: NOTICE_PROCESS,
  ticketKinds: [],
  startVariables: (ticket) => ticketVariables(ticket),
  statusOnEnter: {},
  formChecks: { tell: checkTold },
  handlers: noticeHandlers(service),
});

/** Both diagrams' code, for the composition root's list. */
export const cutoverProcedures = (service: CutoverService): Procedure[] => [cutoverNotice(service), cutoverCustomerNotice(service)];
