import type { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketChannel, TicketKind } from '../../modules/tickets/ticket.enums';
import { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import { badInput } from '../../shared/domain-error';
import { TEXT_LIMITS } from '../../shared/input-checks';
import { answerOf } from './resource-check-answer.util';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Presales support calls the check (售前 4: 调用资源核查流程): its `resourceCheck` variable is the
 * request, in requestResourceCheck's shape; the check is for the caller's customer. The request
 * is passed on as the facts intake reads and refuses (BAD_USER_INPUT naming the field) as it
 * would refuse the mutation's.
 */
export function resourceCheckWhenCalled(caller: { ticket: Ticket; variables: Readonly<Record<string, unknown>> }): {
  input: OpenTicketInput;
  facts: TicketOpening['facts'];
} {
  const request = caller.variables.resourceCheck;
  if (!isRecord(request)) {
    throw badInput(
      'resourceCheck',
      'The calling procedure names what to check in its resourceCheck variable (scope, sites, resources, coverageAsked)',
    );
  }
  const told = typeof request.title === 'string' && request.title.trim() ? request.title.trim() : null;
  const title = (told ?? `资源核查 ${caller.ticket.number}: ${caller.ticket.title}`).slice(0, TEXT_LIMITS.title);
  const input = Object.assign(new OpenTicketInput(), {
    kind: TicketKind.RESOURCE_CHECK,
    channel: TicketChannel.INTERNAL,
    title,
    description: typeof request.description === 'string' ? request.description.slice(0, TEXT_LIMITS.text) : '',
    customerId: caller.ticket.customer.id,
    circuitIds: [],
    priority: caller.ticket.priority,
  });
  const facts = { scope: request.scope, coverageAsked: request.coverageAsked ?? false, sites: request.sites, resources: request.resources };
  return { input, facts };
}

/**
 * What the check answers its caller: whether resources are sufficient (presales then decides
 * whether to build) and the new builds' quotes. Named for the caller's variables, where they land.
 */
export function resourceCheckAnswer(variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const answer = answerOf(variables);
  return {
    resourcesSufficient: answer.resourcesSufficient,
    investmentCny: answer.investmentCny,
    durationDays: answer.durationDays,
    purchaseCycleDays: answer.purchaseCycleDays,
    resourceCheckTicket: typeof variables.ticketNumber === 'string' ? variables.ticketNumber : null,
  };
}
