import type { UnitOfWork } from '../../db/unit-of-work';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import { badInput } from '../../shared/domain-error';
import { CheckedResource } from './checked-resource.entity';
import { ResourceCheck } from './resource-check.entity';
import { ResourceCheckScope } from './resource-check.enums';
import { readResourceCheckRequest } from './resource-check-request';

/**
 * A resource check's intake, in the ticket's transaction: the request is read from the facts its
 * own mutation (or a calling procedure) opened it with, and kept with one row per resource. A
 * refused request refuses the ticket: nothing is stored. Answers what the diagram decides by and
 * the departments' tasks show: scope, coverage, sites and resources.
 */
export async function resourceCheckIntake(
  uow: UnitOfWork,
  ticket: Ticket,
  facts: TicketOpening['facts'],
  now: Date,
): Promise<Record<string, unknown>> {
  if (facts === undefined) {
    throw badInput(
      'kind',
      'A RESOURCE_CHECK ticket is opened with requestResourceCheck(input: { customerId, title, scope, sites, resources, coverageAsked }), which says what to check',
    );
  }
  const request = readResourceCheckRequest(facts);
  const check = uow.em.create(ResourceCheck, {
    ticketId: ticket.id,
    scope: request.scope,
    coverageAsked: request.coverageAsked,
    sites: request.sites,
    requestedAt: now,
  });
  request.resources.forEach((resource, i) => {
    uow.em.create(CheckedResource, { checkId: check.id, position: i + 1, kind: resource.kind, name: resource.name, site: resource.site });
  });
  await uow.em.flush();
  return {
    scope: request.scope,
    provincial: request.scope !== ResourceCheckScope.LOCAL,
    coverageAsked: request.coverageAsked,
    sites: request.sites,
    resources: request.resources,
    // Neither branch has answered yet (see markAnswered).
    networkAnswered: false,
    coverageAnswered: false,
  };
}
