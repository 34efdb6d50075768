import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import type { Procedure } from '../procedure';
import { chaseDepartment } from '../shared/chase-department.handler';
import { ticketVariables } from '../shared/ticket-variables';
import { checkAssessment, checkReviewReport } from './emergency-form-checks';
import { notifyAffectedCustomers } from './notify-affected-customers.handler';
import { remindDepartment } from './remind-department.handler';

/** 客服中心应急预案 (DOMAIN.md procedure 8): processes/emergency-response.bpmn. Emergencies run it. */
export const emergencyResponse = (clock: Clock): Procedure => ({
  key: 'emergency-response',
  ticketKinds: [TicketKind.EMERGENCY],
  startVariables: (ticket) => ({ ...ticketVariables(ticket), priority: ticket.priority }),
  // Whatever the level, the first step of its plan starts the work; the review follows recovery.
  statusOnEnter: {
    dispatch: TicketStatus.inProgress,
    switchBackup: TicketStatus.inProgress,
    plan: TicketStatus.inProgress,
    review: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  // 责任人: the lead who assessed the emergency owns it until they hand it over.
  ownerFrom: ['assess'],
  formChecks: { assess: checkAssessment, review: checkReviewReport },
  handlers: {
    notifyAffectedCustomers: notifyAffectedCustomers(clock),
    remindDepartment: remindDepartment(clock),
    // Shared with fault and complaint handling; offered here too so this diagram deploys on its own.
    chaseDepartment: chaseDepartment(clock),
  },
});
