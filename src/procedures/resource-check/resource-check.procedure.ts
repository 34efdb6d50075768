import { TicketKind, TicketStatus } from '../../modules/tickets/ticket.enums';
import type { Clock } from '../../shared/clock';
import type { Procedure } from '../procedure';
import { ticketVariables } from '../shared/ticket-variables';
import { checkQuote, recordDecision } from './quote.handlers';
import { QuotePart } from './resource-check.enums';
import { resourceCheckFormChecks } from './resource-check.form-checks';
import { chaseChecker, forwardToProvince, markAnswered, recordAnswer } from './resource-check.handlers';
import { resourceCheckAnswer, resourceCheckWhenCalled } from './resource-check-calls';
import { resourceCheckIntake } from './resource-check-intake';

/**
 * 资源核查 (DOMAIN.md procedure 2): processes/resource-check.bpmn. RESOURCE_CHECK tickets run it,
 * opened by requestResourceCheck or by presales support's call activity.
 */
export const resourceCheck = (clock: Clock): Procedure => ({
  key: 'resource-check',
  ticketKinds: [TicketKind.RESOURCE_CHECK],
  startVariables: (ticket) => ticketVariables(ticket),
  intake: (uow, _ctx, ticket, _input, facts) => resourceCheckIntake(uow, ticket, facts, clock.now()),
  // Fanned out to the departments, the check is being worked on; answered to sales, it is resolved.
  statusOnEnter: {
    checkNetwork: TicketStatus.inProgress,
    recordAnswer: TicketStatus.resolved,
  },
  statusOnComplete: TicketStatus.closed,
  formChecks: resourceCheckFormChecks,
  whenCalled: resourceCheckWhenCalled,
  answer: resourceCheckAnswer,
  handlers: {
    chaseResourceChecker: chaseChecker(clock),
    markNetworkAnswered: markAnswered('networkAnswered'),
    markCoverageAnswered: markAnswered('coverageAnswered'),
    checkNetworkQuote: checkQuote(QuotePart.NETWORK, clock),
    checkMobileQuote: checkQuote(QuotePart.MOBILE, clock),
    recordNetworkDecision: recordDecision(QuotePart.NETWORK, clock),
    recordMobileDecision: recordDecision(QuotePart.MOBILE, clock),
    forwardCheckToProvince: forwardToProvince(clock),
    recordResourceCheckAnswer: recordAnswer(clock),
  },
});
