import { ReportKind, TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import type { Procedure } from '../procedure';
import { chaseDepartment } from '../shared/chase-department.handler';
import { ticketVariables } from '../shared/ticket-variables';
import { faultIntake, impactAtAcknowledge } from './fault-impact';
import { faultReportOnFile } from './fault-report-on-file.handler';
import { recordCallback } from './record-callback.handler';
import { remindOwner } from './remind-owner.handler';

/** The message `submitReport(kind: FAULT)` sends the procedure (the diagram's Msg_FaultReportSubmitted). */
export const FAULT_REPORT_SUBMITTED = 'fault-report-submitted';

/** 故障处理 (DOMAIN.md procedure 4): processes/fault-handling.bpmn. */
export const faultHandling = (clock: Clock): Procedure => ({
  key: 'fault-handling',
  ticketKinds: [TicketKind.FAULT],
  startVariables: (ticket) => ({ ...ticketVariables(ticket), priority: ticket.priority }),
  // Whether the fault affects service (故障恢复及时率 counts only those): an alarm's severity says
  // so at intake, and the center's "Service affected" answer at acknowledge corrects it.
  intake: (uow, _ctx, ticket, _input, facts) => faultIntake(clock)(uow, ticket, facts),
  recordOnLeave: { acknowledge: impactAtAcknowledge(clock) },
  // Acknowledging owns the ticket; diagnosing starts the work; restoring again (the customer said
  // it is not back) reopens it; once restored it waits for the customer's word, the report and the callback.
  statusOnEnter: {
    diagnose: TicketStatus.inProgress,
    restore: TicketStatus.inProgress,
    confirm: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  // 首问负责制: the person who acknowledges the fault owns the ticket until they hand it over.
  ownerFrom: ['acknowledge'],
  reportMessages: { [ReportKind.FAULT]: FAULT_REPORT_SUBMITTED },
  handlers: {
    chaseDepartment: chaseDepartment(clock),
    remindOwner: remindOwner(clock),
    faultReportOnFile,
    recordCallback: recordCallback(clock),
  },
});
