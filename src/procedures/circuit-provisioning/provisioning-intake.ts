import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, uuidArray } from '../../db/plain-rows';
import type { UnitOfWork } from '../../db/unit-of-work';
import type { BusinessCalendar } from '../../modules/calendar/business-calendar';
import { CircuitServiceType, CircuitStatus } from '../../modules/circuits/circuit.enums';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { recordHistory } from '../../modules/history/history.service';
import type { FieldChange } from '../../modules/history/history-event.entity';
import { SlaClockKind } from '../../modules/sla/sla.enums';
import { SlaClock } from '../../modules/sla/sla-clock.entity';
import type { SlaClockService } from '../../modules/sla/sla-clock.service';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import type { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketOpening } from '../../modules/tickets/ticket-procedures';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import { ProvisioningChain, ProvisioningPurpose } from './provisioning.enums';
import { ProvisioningCircuit } from './provisioning-circuit.entity';
import { type OrderFacts, readOrderFacts } from './provisioning-facts';
import { ProvisioningOrder } from './provisioning-order.entity';
import { joinProject } from './provisioning-projects';
import { loadShares } from './provisioning-split.service';
import { planSteps } from './provisioning-steps';

/**
 * Statuses from which a circuit may be provisioned, and from which its service may be closed. A
 * circuit still `provisioning` or `reserved` was left so by an order cancelled midway: it may be
 * dispatched again (no open order holds it, intake checks that).
 */
export const MAY_PROVISION: readonly CircuitStatus[] = [
  CircuitStatus.feasibilityChecked,
  CircuitStatus.designed,
  CircuitStatus.reserved,
  CircuitStatus.provisioning,
  CircuitStatus.inactive,
];
export const MAY_CLOSE: readonly CircuitStatus[] = [CircuitStatus.active, CircuitStatus.suspended, CircuitStatus.inactive];

const YEAR_MS = 366 * 24 * 3600_000;

export interface IntakeDeps {
  clock: Clock;
  calendar: () => BusinessCalendar;
  sla: SlaClockService;
}

interface CircuitRow {
  id: string;
  code: string;
  status: CircuitStatus;
  service_type: CircuitServiceType;
  archived_at: string | null;
}

/**
 * A dispatch order's intake, in the ticket's transaction: its circuits are checked (locked, so two
 * orders never take one circuit), its deadline becomes the ticket's, the split policy in force
 * plans the step limits, and the order with one row per circuit is kept. Anything wrong is refused
 * naming the field, and the ticket's transaction rolls back: nothing is stored.
 */
export const provisioningIntake =
  (deps: IntakeDeps) =>
  async (uow: UnitOfWork, ticket: Ticket, input: OpenTicketInput, given: TicketOpening['facts']): Promise<void> => {
    const facts = readOrderFacts(given);
    const { em } = uow;
    const circuits = await lockCircuits(em, input.circuitIds);
    const chain = chainOf(facts, circuits);
    await refuseOpenOrders(em, circuits);
    const now = deps.clock.now();
    const calendar = deps.calendar();
    const overallDueAt = facts.dueDate ? dueAtOf(calendar, facts.dueDate, now) : ticket.resolutionDueAt;
    const project = facts.contractNumber ? await joinProject(em, facts, ticket, now) : null;
    const plan = planSteps(calendar, chain, await loadShares(em, chain), now, overallDueAt);
    await alignDeadlines(em, deps.sla, ticket, overallDueAt, calendar, now);
    const order = em.create(ProvisioningOrder, {
      ticketId: ticket.id,
      purpose: facts.purpose,
      chain,
      level: facts.level,
      orderedAt: now,
      overallDueAt,
      workingDays: plan.workingDays,
      contractNumber: facts.contractNumber,
      projectId: project?.id ?? null,
      reason: facts.reason,
      steps: plan.steps,
    });
    for (const circuit of circuits)
      em.create(ProvisioningCircuit, { orderId: order.id, ticketId: ticket.id, circuitId: circuit.id, statusBefore: circuit.status });
    const limits = plan.steps.map((s) => `${s.step} ${s.days}`).join(', ');
    recordHistory(em, null, {
      subjectType: SubjectType.TICKET,
      subjectId: ticket.id,
      action: HistoryAction.NOTE_ADDED,
      at: now,
      note: `${facts.purpose === ProvisioningPurpose.CLOSE ? '业务关闭' : '电路调单'} from ${facts.level}: ${circuits.map((c) => c.code).join(', ')}; due ${overallDueAt.toISOString()}, ${plan.workingDays} working days split as ${limits}${project ? `; project ${project.contractNumber}` : ''}`,
    });
    await em.flush();
  };

/** The order's circuits, locked until the ticket's transaction ends; each must exist and not be archived. */
async function lockCircuits(em: EntityManager, ids: readonly string[]): Promise<CircuitRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw badInput('circuitIds', 'An order names at least one circuit of the customer');
  // The ticket already checked they exist and are the customer's.
  const rows = await execSql<CircuitRow>(
    em,
    'select id, code, status, service_type, archived_at from circuit where id = any(?::uuid[]) order by code for update',
    [uuidArray(unique)],
  );
  const archived = rows.find((row) => row.archived_at !== null);
  if (archived) throw badInput('circuitIds', `Circuit ${archived.code} is archived: it is no longer in the inventory`);
  return rows;
}

/** Closure for a closure; GPRS-VPN circuits run their own chain and are not mixed with others in one order. */
function chainOf(facts: OrderFacts, circuits: readonly CircuitRow[]): ProvisioningChain {
  const allowed = facts.purpose === ProvisioningPurpose.CLOSE ? MAY_CLOSE : MAY_PROVISION;
  const refused = circuits.find((c) => !allowed.includes(c.status));
  if (refused) {
    const what = facts.purpose === ProvisioningPurpose.CLOSE ? 'its service closed' : 'provisioned';
    throw badInput('circuitIds', `Circuit ${refused.code} is ${refused.status}: only ${allowed.join(', ')} circuits may be ${what}`, {
      status: refused.status,
    });
  }
  if (facts.purpose === ProvisioningPurpose.CLOSE) return ProvisioningChain.CLOSURE;
  const gprs = circuits.filter((c) => c.service_type === CircuitServiceType.GPRS_VPN).length;
  if (gprs > 0 && gprs < circuits.length) {
    throw badInput('circuitIds', 'GPRS-VPN circuits run their own chain: dispatch them in an order of their own');
  }
  return gprs > 0 ? ProvisioningChain.GPRS_VPN : ProvisioningChain.STANDARD;
}

/** A circuit is on one open order at a time. */
async function refuseOpenOrders(em: EntityManager, circuits: readonly CircuitRow[]): Promise<void> {
  const [busy] = await execSql<{ code: string; number: string }>(
    em,
    `select c.code, t.number from provisioning_circuit pc
       join provisioning_order o on o.id = pc.order_id join ticket t on t.id = o.ticket_id join circuit c on c.id = pc.circuit_id
      where pc.circuit_id = any(?::uuid[]) and o.completed_at is null and t.status <> all(?::text[]) order by c.code limit 1`,
    [uuidArray(circuits.map((c) => c.id)), '{closed,cancelled,rejected}'],
  );
  if (busy) throw badInput('circuitIds', `Circuit ${busy.code} is on order ${busy.number}, still open`);
}

/** The close of the day the order is due, or of the next working day when it is a holiday. */
function dueAtOf(calendar: BusinessCalendar, day: string, now: Date): Date {
  const due = calendar.addWorkingDays(new Date(`${day}T00:00:00+08:00`), 0);
  if (calendar.localDay(due) <= calendar.localDay(now)) {
    throw badInput('dueDate', `The order is due on a later day than today (${calendar.localDay(now)})`);
  }
  if (due.getTime() - now.getTime() > YEAR_MS) throw badInput('dueDate', 'An order is due within a year');
  return due;
}

/**
 * The order's deadline is the ticket's: its resolution, and its report (the test report is due by
 * then too), recorded in the ticket's history; the clocks follow.
 */
async function alignDeadlines(
  em: EntityManager,
  sla: SlaClockService,
  ticket: Ticket,
  due: Date,
  calendar: BusinessCalendar,
  now: Date,
): Promise<void> {
  const changes: FieldChange[] = [];
  if (ticket.resolutionDueAt.getTime() !== due.getTime()) {
    changes.push({ field: 'resolutionDueAt', from: ticket.resolutionDueAt.toISOString(), to: due.toISOString() });
    ticket.resolutionDueAt = due;
  }
  if (ticket.reportDueAt?.getTime() !== due.getTime()) {
    changes.push({ field: 'reportDueAt', from: ticket.reportDueAt?.toISOString() ?? null, to: due.toISOString() });
    ticket.reportDueAt = due;
  }
  if (changes.length === 0) return;
  ticket.deadlinesProvisional = !calendar.covers(now, due);
  recordHistory(em, null, {
    subjectType: SubjectType.TICKET,
    subjectId: ticket.id,
    action: HistoryAction.UPDATED,
    at: now,
    changes,
    note: "the dispatch order's deadline",
  });
  const clocks = await em.find(SlaClock, { ticketId: ticket.id, kind: { $in: [SlaClockKind.RESOLUTION, SlaClockKind.REPORT] } });
  // A policy without a report deadline has no report clock: the test report is judged by the order's deadline all the same.
  for (const clock of clocks) await sla.extend(em, ticket.id, clock.kind, due);
}
