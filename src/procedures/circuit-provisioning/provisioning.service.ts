import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import type { BusinessCalendar } from '../../modules/calendar/business-calendar';
import type { CalendarService } from '../../modules/calendar/calendar.service';
import type { SlaClockService } from '../../modules/sla/sla-clock.service';
import type { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketChannel, TicketKind, TicketPriority } from '../../modules/tickets/ticket.enums';
import { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import type { TicketService } from '../../modules/tickets/ticket.service';
import type { Clock } from '../../shared/clock';
import { badInput } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkText, TEXT_LIMITS } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import { type DispatchLevel, ProvisioningPurpose } from './provisioning.enums';
import { type CloseServiceInput, type DispatchOrderInput, ORDER_CIRCUITS_MAX } from './provisioning.inputs';
import type { ProvisioningTimeliness } from './provisioning.types';
import { orderOpening } from './provisioning-facts';
import { provisioningIntake } from './provisioning-intake';
import { CIRCUITS_TO_ACTIVATE_SQL, COMPLETED_ORDERS_SQL } from './provisioning-measure';
import { ProvisioningProject } from './provisioning-project.entity';
import { ProvisioningSplitService } from './provisioning-split.service';

/** An order as another procedure asks for one (presales, when a contract is won), or a mutation does. */
export interface OrderRequest {
  purpose: ProvisioningPurpose;
  customerId: string;
  circuitIds: readonly string[];
  level: DispatchLevel;
  /** YYYY-MM-DD, China time; the SLA policy's default when omitted */
  dueDate?: string | null;
  contractNumber?: string | null;
  projectName?: string | null;
  /** a closure's reason */
  reason?: string | null;
  title?: string | null;
  description?: string | null;
  priority?: TicketPriority;
  idempotencyKey?: string | null;
  /** the ticket whose procedure asked for the order (a won presales request) */
  parentTicketId?: string;
}

const DAY_MS = 24 * 3600_000;
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Circuit provisioning (电路调单与开通) and service closure (业务关闭): orders open CIRCUIT_DISPATCH
 * tickets whose procedure takes the order in (provisioning-intake.ts) and runs its chain.
 */
export class ProvisioningService {
  readonly splits: ProvisioningSplitService;
  readonly intake: ReturnType<typeof provisioningIntake>;
  /** the calendar in force now (an administrator's holiday entry replaces it): step limits count on it */
  readonly currentCalendar: () => BusinessCalendar;

  constructor(
    clock: Clock,
    bus: EventBus,
    calendar: CalendarService,
    private readonly tickets: TicketService,
    sla: SlaClockService,
  ) {
    this.splits = new ProvisioningSplitService(clock, bus);
    this.currentCalendar = () => calendar.current;
    this.intake = provisioningIntake({ clock, calendar: this.currentCalendar, sla });
  }

  dispatch(ctx: ServiceContext, input: DispatchOrderInput): Promise<Ticket> {
    return this.openOrder(ctx, { ...input, purpose: ProvisioningPurpose.OPEN });
  }

  close(ctx: ServiceContext, input: CloseServiceInput): Promise<Ticket> {
    return this.openOrder(ctx, { ...input, purpose: ProvisioningPurpose.CLOSE });
  }

  /**
   * Opens an order's ticket, its procedure started in the same transaction. Called inside another
   * service's transaction (`ctx.em` being that transaction's), it joins it: the caller's rollback
   * takes the order back too.
   */
  openOrder(ctx: ServiceContext, request: OrderRequest): Promise<Ticket> {
    if (request.circuitIds.length > ORDER_CIRCUITS_MAX) {
      throw badInput('circuitIds', `An order names at most ${ORDER_CIRCUITS_MAX} circuits`);
    }
    for (const [field, value, max] of [
      ['title', request.title, TEXT_LIMITS.title],
      ['description', request.description, TEXT_LIMITS.text],
      ['contractNumber', request.contractNumber, TEXT_LIMITS.code],
      ['projectName', request.projectName, TEXT_LIMITS.name],
      ['reason', request.reason, TEXT_LIMITS.text],
    ] as const) {
      if (value) checkText(field, value, max);
    }
    const closing = request.purpose === ProvisioningPurpose.CLOSE;
    const count = new Set(request.circuitIds).size;
    const input = Object.assign(new OpenTicketInput(), {
      kind: TicketKind.CIRCUIT_DISPATCH,
      // Orders arrive through the operator's electronic O&M system, not from the customer.
      channel: TicketChannel.INTERNAL,
      title: request.title?.trim() || (closing ? `业务关闭: ${count} circuit(s)` : `电路调单 (${request.level}): ${count} circuit(s)`),
      description: request.description ?? (closing ? (request.reason ?? '') : ''),
      customerId: request.customerId,
      circuitIds: [...request.circuitIds],
      priority: request.priority ?? TicketPriority.MEDIUM,
      idempotencyKey: request.idempotencyKey ?? undefined,
    });
    const facts = {
      purpose: request.purpose,
      level: request.level,
      dueDate: request.dueDate ?? null,
      contractNumber: request.contractNumber ?? null,
      projectName: request.projectName ?? null,
      reason: request.reason ?? null,
    };
    return this.tickets.open(ctx, input, orderOpening(facts, request.parentTicketId));
  }

  project(ctx: ServiceContext, contractNumber: string): Promise<ProvisioningProject | null> {
    checkText('contractNumber', contractNumber, TEXT_LIMITS.code);
    return ctx.em.findOne(ProvisioningProject, { contractNumber: contractNumber.trim() });
  }

  /**
   * 电路开通及测试报告提供及时率 over the circuits whose order was due within the period (China
   * days, both included): on time / to activate. A circuit whose order still runs before its
   * deadline is not counted yet; a period with nothing to count has no rate.
   */
  async timeliness(em: EntityManager, now: Date, from: string, to: string): Promise<ProvisioningTimeliness> {
    if (to < from) throw badInput('to', 'The period ends on or after the day it starts');
    const start = dayStart(from);
    const end = new Date(dayStart(to).getTime() + DAY_MS);
    if (end.getTime() - start.getTime() > 400 * DAY_MS) throw badInput('to', 'A period is at most a year');
    const [circuits] = await execSql<{ due: number; on_time: number; pending: number }>(
      em,
      `select count(*) filter (where c.met is not null or c.due_at <= ?)::int as due,
              count(*) filter (where c.met)::int as on_time,
              count(*) filter (where c.met is null and c.due_at > ?)::int as pending
         from (${CIRCUITS_TO_ACTIVATE_SQL}) c join ticket t on t.id = c.ticket_id
        where c.due_at >= ? and c.due_at < ? and t.status <> all(?::text[])`,
      [now, now, start, end, '{cancelled,rejected}'],
    );
    const [cycle] = await execSql<{ n: number; average: number | null }>(
      em,
      `select count(*)::int as n, avg(cycle_working_days)::float as average from (${COMPLETED_ORDERS_SQL}) o
        where completed_at >= ? and completed_at < ?`,
      [start, end],
    );
    const due = circuits?.due ?? 0;
    return {
      from,
      to,
      circuitsToActivate: due,
      circuitsOnTime: circuits?.on_time ?? 0,
      circuitsPending: circuits?.pending ?? 0,
      rate: due > 0 ? Math.round(((circuits?.on_time ?? 0) / due) * 10_000) / 100 : null,
      ordersCompleted: cycle?.n ?? 0,
      averageCycleWorkingDays: cycle?.average ?? null,
      note: due > 0 ? null : 'no circuit was due to be activated in this period: there is no rate to give',
    };
  }
}
