import type { EntityManager } from '@mikro-orm/postgresql';
import { CircuitStatus } from '../../modules/circuits/circuit.enums';
import { CreateCircuitInput } from '../../modules/circuits/circuit.inputs';
import type { CircuitService } from '../../modules/circuits/circuit.service';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketKind, TicketPriority } from '../../modules/tickets/ticket.enums';
import { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketService } from '../../modules/tickets/ticket.service';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import { type ServiceContext, systemActor } from '../../shared/service-context';
import type { ResourceCheckScope } from '../resource-check/resource-check.enums';
import type { RequestPresalesSupportInput } from './presales.inputs';
import { type ContractCircuit, circuitLabel, PresalesOutcome } from './presales.types';
import { PresalesRequest } from './presales-request.entity';

/** Contract numbers make inventory codes (`^[A-Z0-9][A-Z0-9/-]{2,47}$`) with `-<n>` appended. */
const CONTRACT_NUMBER = /^[A-Z0-9][A-Z0-9/-]{2,39}$/;
const YEAR_MS = 365 * 24 * 3600_000;
/** A moment's day in China Standard Time, YYYY-MM-DD (NaN dates answer an impossible day). */
const chinaDay = (at: Date): string => (Number.isNaN(at.getTime()) ? '' : new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10));

/** What a request carries to intake (TicketOpening.facts), as the mutation checked it. */
export interface PresalesFacts {
  needs: string;
  scope: ResourceCheckScope;
  coverageAsked: boolean;
  sites: string[];
  circuits: ContractCircuit[];
  outsourcedServices: string[];
}

/** A provisioning order for the contract's circuits, opened in the caller's transaction (the provisioning procedure's). */
export type OpenDeliveryOrder = (
  ctx: ServiceContext,
  order: { customerId: string; circuitIds: string[]; contractNumber: string; dueDate: string | null; parentTicketId: string },
) => Promise<{ id: string }>;

/** Presales support's own work beside its ticket: the request at intake, how it ended, and the delivery when won. */
export class PresalesService {
  /** set by the composition root: how a won contract's circuits get their provisioning orders */
  openDelivery: OpenDeliveryOrder | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly tickets: TicketService,
    private readonly circuits: CircuitService,
  ) {}

  /** 协查单: opens a PRESALES_SUPPORT ticket; its procedure starts with the request's facts. */
  request(ctx: ServiceContext, input: RequestPresalesSupportInput): Promise<Ticket> {
    if (input.circuits.length + input.outsourcedServices.length === 0) {
      throw badInput('circuits', 'Name what the customer wants: at least one circuit or outsourcing-service item, for the resource check');
    }
    const facts: PresalesFacts = {
      needs: input.needs,
      scope: input.scope,
      coverageAsked: input.coverageAsked,
      sites: input.sites,
      circuits: input.circuits.map((c) => ({ ...c, zEnd: c.zEnd ?? null, site: c.site ?? null })),
      outsourcedServices: input.outsourcedServices,
    };
    const open = Object.assign(new OpenTicketInput(), {
      kind: TicketKind.PRESALES_SUPPORT,
      channel: input.channel,
      title: input.title,
      description: input.needs,
      customerId: input.customerId,
      circuitIds: [],
      priority: TicketPriority.MEDIUM,
      idempotencyKey: input.idempotencyKey,
    });
    return this.tickets.open(ctx, open, { facts: { ...facts } });
  }

  /**
   * Keeps the request beside the ticket and answers the variables its diagram and its resource
   * check read. A PRESALES_SUPPORT opened without them (plain openTicket) is refused.
   */
  async intake(em: EntityManager, ticket: Ticket, given: TicketOpening['facts']): Promise<Record<string, unknown>> {
    const facts = given as PresalesFacts | undefined;
    if (!facts?.sites) {
      throw badInput('kind', 'A presales support request names the needs, sites and circuits wanted: raise it with requestPresalesSupport');
    }
    em.create(PresalesRequest, { ticketId: ticket.id, ...facts });
    await em.flush();
    // What the called resource check checks (its whenCalled reads `resourceCheck`).
    const resources = [
      ...facts.circuits.map((c) => ({ kind: 'CIRCUIT', name: circuitLabel(c), site: c.site ?? null })),
      ...facts.outsourcedServices.map((name) => ({ kind: 'OUTSOURCING_SERVICE', name, site: null })),
    ];
    return {
      customerId: ticket.customer.id,
      resourceCheck: { scope: facts.scope, coverageAsked: facts.coverageAsked, sites: facts.sites, resources },
    };
  }

  /** Where the request ended (not developed, resources short, lost), recorded once. */
  async recordOutcome(em: EntityManager, ticketId: string, outcome: PresalesOutcome): Promise<void> {
    const request = await em.findOneOrFail(PresalesRequest, { ticketId });
    request.outcome = outcome;
    request.endedAt = this.clock.now();
    await em.flush();
  }

  /**
   * The contract as the sales form gives it, checked before the task completes (a refusal later,
   * in the delivery step, would be an incident): its number names its circuits
   * (`<contract>-<n>`, an inventory code) and one contract only; its circuits are due on a real
   * day after today and within a year, as a provisioning order must be.
   */
  async checkContract(em: EntityManager, variables: Record<string, unknown>): Promise<void> {
    const contractNumber = String(variables.contractNumber ?? '').trim();
    if (!CONTRACT_NUMBER.test(contractNumber)) {
      throw badInput(
        'variables.contractNumber',
        'A contract number is 3 to 40 capital letters, digits, / or - (its circuits are coded <contract>-<n>)',
      );
    }
    const taken = await em.findOne(PresalesRequest, { contractNumber });
    if (taken) throw badInput('variables.contractNumber', `Contract ${contractNumber} is already signed on another presales request`);
    const due = variables.deliveryDueAt;
    if (due === undefined || due === null) return;
    const today = chinaDay(this.clock.now());
    if (typeof due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(due) || chinaDay(new Date(`${due}T00:00:00+08:00`)) !== due) {
      throw badInput('variables.deliveryDueAt', 'The circuits are due on a day, YYYY-MM-DD (China time)');
    }
    if (due <= today) throw badInput('variables.deliveryDueAt', `The circuits are due on a later day than today (${today})`);
    if (due > chinaDay(new Date(this.clock.now().getTime() + YEAR_MS))) {
      throw badInput('variables.deliveryDueAt', 'The circuits are due within a year');
    }
  }

  /**
   * Won (售前流程结束, 转入实施阶段): the contract's circuits enter the inventory as reserved, and
   * each gets a provisioning order, children of the presales ticket; all in the step's transaction.
   */
  async startDelivery(em: EntityManager, ticket: Ticket, contractNumber: string, dueDate: string | null): Promise<string[]> {
    const request = await em.findOneOrFail(PresalesRequest, { ticketId: ticket.id });
    const openDelivery = this.openDelivery;
    if (!openDelivery) throw new Error('this hub runs no provisioning procedure: a won contract cannot start its delivery');
    const ctx = { em, actor: systemActor };
    const orders: string[] = [];
    for (const [index, wanted] of request.circuits.entries()) {
      const circuit = await this.circuits.create(
        ctx,
        Object.assign(new CreateCircuitInput(), {
          code: `${contractNumber}-${index + 1}`,
          customerId: ticket.customer.id,
          serviceType: wanted.serviceType,
          bandwidthMbps: wanted.bandwidthMbps,
          aEnd: wanted.aEnd,
          zEnd: wanted.zEnd ?? undefined,
          accessTechnology: wanted.accessTechnology,
          status: CircuitStatus.reserved,
        }),
      );
      const order = await openDelivery(ctx, {
        customerId: ticket.customer.id,
        circuitIds: [circuit.id],
        contractNumber,
        dueDate,
        parentTicketId: ticket.id,
      });
      orders.push(order.id);
    }
    request.outcome = PresalesOutcome.WON;
    request.contractNumber = contractNumber;
    request.deliveryTicketIds = orders;
    request.endedAt = this.clock.now();
    await em.flush();
    return orders;
  }
}
