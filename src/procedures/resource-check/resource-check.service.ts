import { findById } from '../../db/find-by-id';
import { inTransaction } from '../../db/unit-of-work';
import { runOnce } from '../../modules/idempotency/run-once';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketKind } from '../../modules/tickets/ticket.enums';
import { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketService } from '../../modules/tickets/ticket.service';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import type { ResourceCheckRequestInput } from './resource-check.inputs';

/**
 * Sales' resource-check requests: each opens a RESOURCE_CHECK ticket through the ticket service,
 * with the request as the intake facts the procedure checks and keeps.
 */
export class ResourceCheckService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly tickets: TicketService,
  ) {}

  request(ctx: ServiceContext, input: ResourceCheckRequestInput): Promise<Ticket> {
    return inTransaction(ctx.em, this.bus, ({ em }) =>
      // The key covers the whole request, the facts included: the ticket's own key would not see them.
      runOnce(em, {
        operation: 'requestResourceCheck',
        key: input.idempotencyKey,
        payload: input,
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => findById(em, Ticket, id),
        // The ticket service runs inside this transaction (its own work in a savepoint of it).
        create: () => this.tickets.open({ ...ctx, em }, openInputOf(input), { facts: factsOf(input) }),
      }),
    );
  }
}

function openInputOf(input: ResourceCheckRequestInput): OpenTicketInput {
  return Object.assign(new OpenTicketInput(), {
    kind: TicketKind.RESOURCE_CHECK,
    channel: input.channel,
    title: input.title,
    description: input.description,
    customerId: input.customerId,
    circuitIds: [],
    priority: input.priority,
  });
}

/** The request as plain facts, the shape a calling procedure's `resourceCheck` variable has too. */
function factsOf(input: ResourceCheckRequestInput): Record<string, unknown> {
  return {
    scope: input.scope,
    coverageAsked: input.coverageAsked,
    sites: [...input.sites],
    resources: input.resources.map((resource) => ({ kind: resource.kind, name: resource.name, site: resource.site ?? null })),
  };
}
