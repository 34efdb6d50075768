import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import type { Procedure } from '../procedure';
import { chaseDepartment } from '../shared/chase-department.handler';
import { ticketVariables } from '../shared/ticket-variables';
import { recordPresalesOutcome, startPresalesDelivery } from './presales.handlers';
import type { PresalesService } from './presales.service';

/**
 * 售前服务流程 (DOMAIN.md procedure 1): processes/presales-support.bpmn. Its resource check is the
 * resource-check procedure, called as a call activity (its own ticket, a child of this one).
 */
export const presalesSupport = (clock: Clock, presales: PresalesService): Procedure => ({
  key: 'presales-support',
  ticketKinds: [TicketKind.PRESALES_SUPPORT],
  startVariables: (ticket) => ticketVariables(ticket),
  intake: (uow, _ctx, ticket, _input, facts) => presales.intake(uow.em, ticket, facts),
  // The request is answered (resolved) wherever it ends: not developed, short of resources, lost, or won.
  statusOnEnter: {
    meetCustomer: TicketStatus.inProgress,
    recordNotDeveloped: TicketStatus.resolved,
    recordNotBuilt: TicketStatus.resolved,
    recordLost: TicketStatus.resolved,
    startDelivery: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  // The center's person who meets the customer owns the request from then on.
  ownerFrom: ['meetCustomer'],
  formChecks: {
    // A complex solution goes to a specialist department first: the form says which.
    draftSolution: async (_em, _task, variables) => {
      if (variables.complexSolution === true && !variables.reviewDepartment) {
        throw badInput('variables.reviewDepartment', 'A complex solution is reviewed by a specialist department first: choose which');
      }
    },
    signContract: async (em, _task, variables) => presales.checkContract(em, variables),
  },
  handlers: {
    chaseDepartment: chaseDepartment(clock),
    recordPresalesOutcome: recordPresalesOutcome(presales),
    startPresalesDelivery: startPresalesDelivery(presales),
  },
});
