import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import { chaseDepartment } from '../fault-handling/chase-department.handler';
import type { Procedure } from '../procedure';
import { remindAnswer, setAnswerDeadline } from './answer-deadline.handlers';
import type { ServiceRequestService } from './service-request.service';

/** 客户服务响应时间规章制度 (DOMAIN.md procedure 9): processes/service-request.bpmn. Consultations run it. */
export const serviceRequest = (clock: Clock, service: ServiceRequestService): Procedure => ({
  key: 'service-request',
  ticketKinds: [TicketKind.CONSULTATION],
  startVariables: (ticket) => ({
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    channel: ticket.channel,
    priority: ticket.priority,
  }),
  intake: async (uow, _ctx, ticket, input) => service.intake(uow.em, ticket, input),
  // Confirming starts the work (and meets the acknowledgement); the customer's reply resolves it.
  statusOnEnter: {
    confirm: TicketStatus.inProgress,
    answered: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  // 首问负责制: whoever acknowledges the request owns it until they hand it over.
  ownerFrom: ['acknowledge'],
  handlers: {
    setAnswerDeadline: setAnswerDeadline(service),
    remindAnswer: remindAnswer(clock),
    // The chase is fault handling's; offered here too so this diagram deploys when that one is not run.
    chaseDepartment: chaseDepartment(clock),
  },
});
