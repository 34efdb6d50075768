import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import type { Procedure } from '../procedure';
import { chaseDepartment } from './chase-department.handler';

/** 故障处理 (DOMAIN.md procedure 4): processes/fault-handling.bpmn. */
export const faultHandling = (clock: Clock): Procedure => ({
  key: 'fault-handling',
  ticketKinds: [TicketKind.FAULT],
  startVariables: (ticket) => ({
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    priority: ticket.priority,
    resolutionDueAt: ticket.resolutionDueAt.toISOString(),
  }),
  // Acknowledging owns the ticket; diagnosing starts the work; once restored it waits for the customer's word.
  statusOnEnter: {
    diagnose: TicketStatus.inProgress,
    confirmAndReport: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  // 首问负责制: the person who acknowledges the fault owns the ticket until they hand it over.
  ownerFrom: ['acknowledge'],
  handlers: { chaseDepartment: chaseDepartment(clock) },
});
