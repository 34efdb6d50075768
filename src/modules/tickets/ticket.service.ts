import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findById } from '../../db/find-by-id';
import type { PageRequest } from '../../db/keyset';
import { loadForChange } from '../../db/load-for-change';
import { inTransaction, type UnitOfWork } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound, staleVersion } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkId, checkText, TEXT_LIMITS } from '../../shared/input-checks';
import { listCustomerScope, mayAccessCustomer, NO_CUSTOMER, type ServiceContext } from '../../shared/service-context';
import { requireCustomer } from '../customers/customer.service';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, applyChanges, recordHistory } from '../history/history.service';
import type { FieldChange } from '../history/history-event.entity';
import { runOnce } from '../idempotency/run-once';
import { Department } from '../org/department.entity';
import { requireDepartment, requireUser } from '../org/org.service';
import { User } from '../org/user.entity';
import type { SlaClockService } from '../sla/sla-clock.service';
import type { DeadlineCalendar } from './sla-policy';
import type { SlaPolicyService } from './sla-policy.service';
import { Ticket } from './ticket.entity';
import { TicketChangeKind, TicketKind, type TicketSeverity, TicketStatus } from './ticket.enums';
import { type TicketChange, TicketChangedEvent, ticketFacts } from './ticket.events';
import type {
  OpenTicketInput,
  SubmitReportInput,
  TicketFilter,
  TicketOrder,
  TransitionTicketInput,
  UpdateTicketInput,
} from './ticket.inputs';
import { requireCircuits } from './ticket-circuits';
import { ticketDeadlines } from './ticket-deadlines';
import { listTickets, type TicketPage } from './ticket-list';
import { nextTicketNumber } from './ticket-number';
import type { TicketOpening, TicketProcedures } from './ticket-procedures';
import { TicketReport } from './ticket-report.entity';
import { allowedTransitions, canTransition, isFinal, openStatuses } from './ticket-status';

/** The department that owns a ticket unless told otherwise: the response center (客响). */
export const RESPONSE_CENTER_CODE = 'KX';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** Tickets: opened with deadlines from the SLA policy, moved through TMF621 states, every change in history. */
export class TicketService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly calendar: DeadlineCalendar,
    private readonly slaPolicy: SlaPolicyService,
    private readonly sla: SlaClockService,
  ) {}

  private procedures: TicketProcedures | null = null;

  /** The procedure layer, attached once at boot (it needs the process runner, built beside this service). */
  attachProcedures(procedures: TicketProcedures): void {
    this.procedures = procedures;
  }

  async find(ctx: ServiceContext, id: string): Promise<Ticket | null> {
    checkId('id', id);
    const ticket = await findById(ctx.em, Ticket, id);
    return ticket && mayAccessCustomer(ctx.actor, ticket.customer.id) ? ticket : null;
  }

  /** By its number (KX-2026-000123), as staff and customers quote it; a customer token finds only its own. */
  async findByNumber(ctx: ServiceContext, number: string): Promise<Ticket | null> {
    checkText('number', number, TEXT_LIMITS.code);
    const ticket = await ctx.em.findOne(Ticket, { number });
    return ticket && mayAccessCustomer(ctx.actor, ticket.customer.id) ? ticket : null;
  }

  list(ctx: ServiceContext, page: PageRequest, filter?: TicketFilter, order?: TicketOrder): Promise<TicketPage> {
    const scoped =
      ctx.actor.kind === 'customer'
        ? { includeArchived: false, ...filter, customerId: listCustomerScope(ctx.actor, filter?.customerId) ?? NO_CUSTOMER }
        : (filter ?? undefined);
    return listTickets(ctx.em, this.clock.now(), page, scoped, order);
  }

  /**
   * Opens a ticket and starts its procedure in one transaction. `opening` carries what a
   * procedure's own request adds (its intake facts, the ticket and call that opened this one).
   */
  open(ctx: ServiceContext, input: OpenTicketInput, opening: TicketOpening = {}): Promise<Ticket> {
    return this.write(ctx, async (uow, actor) => {
      const { em } = uow;
      let opened = false;
      const ticket = await runOnce(em, {
        operation: 'openTicket',
        key: input.idempotencyKey,
        payload: input,
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => findById(em, Ticket, id),
        create: async () => {
          opened = true;
          const ticket = await this.createTicket(em, actor, input, opening.parentTicketId);
          // Its procedure starts in the same transaction: a ticket never exists without it.
          await this.procedures?.startFor(uow, ctx, ticket, input, opening);
          return ticket;
        },
      });
      return { ticket, change: opened ? TicketChangeKind.OPENED : null };
    });
  }

  private async createTicket(em: EntityManager, actor: User | null, input: OpenTicketInput, parentTicketId?: string): Promise<Ticket> {
    if (input.complaint && input.kind !== TicketKind.COMPLAINT) {
      throw badInput('complaint', `Only a COMPLAINT takes complaint facts; this ticket is a ${input.kind}`);
    }
    if ((input.answeredInSeconds !== undefined && input.answeredInSeconds !== null) || (input.busy !== undefined && input.busy !== null)) {
      if (input.kind !== TicketKind.CONSULTATION) {
        throw badInput(
          input.answeredInSeconds !== undefined ? 'answeredInSeconds' : 'busy',
          `Only a consultation call records its answer time; this ticket is a ${input.kind}`,
        );
      }
    }
    const customer = await requireCustomer(em, input.customerId, 'customerId');
    const circuits = await requireCircuits(em, input.circuitIds, customer.id);
    const ownerDepartment = input.ownerDepartmentId
      ? await requireDepartment(em, input.ownerDepartmentId, 'ownerDepartmentId')
      : await em.findOneOrFail(Department, { code: RESPONSE_CENTER_CODE });
    const assignee = input.assigneeId ? await requireUser(em, input.assigneeId, 'assigneeId') : undefined;
    const now = this.clock.now();
    const { deadlines, provisional } = await ticketDeadlines(em, this.calendar, this.slaPolicy, {
      kind: input.kind,
      level: customer.serviceLevel,
      priority: input.priority,
      severity: input.severity,
      from: now,
    });
    const ticket = em.create(Ticket, {
      number: await nextTicketNumber(em, new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear()),
      kind: input.kind,
      channel: input.channel,
      title: input.title,
      description: input.description,
      customer,
      priority: input.priority,
      severity: input.severity,
      status: TicketStatus.acknowledged,
      ownerDepartment,
      assignee,
      createdBy: actor ?? undefined,
      parent: parentTicketId ? ref(Ticket, parentTicketId) : undefined,
      ...deadlines,
      reportDueAt: deadlines.reportDueAt ?? undefined,
      deadlinesProvisional: provisional,
      createdAt: now,
      updatedAt: now,
    });
    ticket.circuits.set(circuits);
    this.history(em, actor, ticket, HistoryAction.CREATED, [], null);
    this.sla.start(em, ticket.id, now, deadlines);
    return ticket;
  }

  update(ctx: ServiceContext, input: UpdateTicketInput): Promise<Ticket> {
    return this.write(ctx, async ({ em }, actor) => {
      const ticket = await loadForChange(em, Ticket, input.id, input.version);
      if (isFinal(ticket.status)) {
        throw new DomainError(ErrorCode.CONFLICT, `Ticket ${ticket.number} is ${ticket.status}: a finished ticket is not edited`, {
          status: ticket.status,
        });
      }
      const changes: FieldChange[] = applyChanges(ticket, {
        title: input.title,
        description: input.description,
        priority: input.priority,
        severity: input.severity,
      });
      if (changes.some((c) => c.field === 'priority' || c.field === 'severity')) await this.recomputeDeadlines(em, ticket, changes);
      if (input.ownerDepartmentId && input.ownerDepartmentId !== ticket.ownerDepartment.id) {
        const department = await requireDepartment(em, input.ownerDepartmentId, 'ownerDepartmentId');
        changes.push({ field: 'ownerDepartment', from: ticket.ownerDepartment.id, to: department.id });
        ticket.ownerDepartment = ref(department);
      }
      if (input.assigneeId && input.assigneeId !== ticket.assignee?.id) {
        const assignee = await requireUser(em, input.assigneeId, 'assigneeId');
        changes.push({ field: 'assignee', from: ticket.assignee?.id ?? null, to: assignee.id });
        ticket.assignee = ref(assignee);
      }
      if (input.circuitIds) {
        await ticket.circuits.init();
        const before = ticket.circuits
          .getItems()
          .map((c) => c.code)
          .sort()
          .join(', ');
        const circuits = await requireCircuits(em, input.circuitIds, ticket.customer.id);
        const after = circuits
          .map((c) => c.code)
          .sort()
          .join(', ');
        if (before !== after) {
          changes.push({ field: 'circuits', from: before, to: after });
          ticket.circuits.set(circuits);
        }
      }
      if (changes.length > 0) this.history(em, actor, ticket, HistoryAction.UPDATED, changes, null);
      return { ticket, change: changes.length > 0 ? TicketChangeKind.UPDATED : null };
    });
  }

  transition(ctx: ServiceContext, input: TransitionTicketInput): Promise<Ticket> {
    return this.write(ctx, async (uow, actor) => {
      const { em } = uow;
      const ticket = await findById(em, Ticket, input.id);
      if (!ticket) throw notFound('Ticket', input.id);
      if (input.version !== undefined && input.version !== null && ticket.version !== input.version) {
        throw staleVersion('Ticket', ticket.id, input.version, ticket.version);
      }
      const from = ticket.status;
      if (!canTransition(from, input.to)) {
        const allowed = allowedTransitions(from);
        throw badInput(
          'to',
          `A ticket cannot go from ${from} to ${input.to}; from ${from} it may go to ${allowed.length ? allowed.join(', ') : 'nothing (final state)'}`,
          {
            from,
            allowed: [...allowed],
          },
        );
      }
      if (input.to === TicketStatus.rejected && !input.note) {
        throw badInput('note', 'Say why the ticket is rejected: the reason is told to the customer');
      }
      const running = await this.procedures?.running(uow, ticket.id);
      if (running && this.procedures) {
        // While a procedure runs, the ticket's status is the procedure's; cancelling ends both.
        if (input.to !== TicketStatus.cancelled) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `The ticket follows its procedure: complete ${running.openTasks.length ? running.openTasks.join(', ') : 'its running step'} instead`,
            { openTasks: running.openTasks, instanceId: running.instanceId },
          );
        }
        if (!input.note) throw badInput('note', 'Say why the ticket is cancelled: the reason cancels its procedure too');
        await this.procedures.cancel(uow, running.instanceId, input.note);
      }
      await this.moveStatus(em, ticket, input.to);
      this.history(em, actor, ticket, HistoryAction.TRANSITIONED, [{ field: 'status', from, to: input.to }], input.note ?? null);
      return { ticket, change: TicketChangeKind.TRANSITIONED };
    });
  }

  /**
   * The ticket's status as its procedure moves on, inside the step's transaction: recorded like a
   * person's move, naming the activity. A move the state machine does not allow is left out.
   */
  async followProcedure(uow: UnitOfWork, ticketId: string, to: TicketStatus, actorId: string | null, activity: string): Promise<void> {
    const ticket = await findById(uow.em, Ticket, ticketId);
    if (!ticket || ticket.status === to || !canTransition(ticket.status, to)) return;
    const from = ticket.status;
    const actor = actorId ? uow.em.getReference(User, actorId) : null;
    await this.moveStatus(uow.em, ticket, to);
    this.history(uow.em, actor, ticket, HistoryAction.TRANSITIONED, [{ field: 'status', from, to }], `procedure: ${activity}`);
    await uow.em.flush();
    uow.events.push(new TicketChangedEvent(ticketFacts(ticket), TicketChangeKind.TRANSITIONED, ticket.updatedAt));
  }

  /**
   * A procedure graded the ticket (a complaint's severity from its facts), in the caller's
   * transaction: deadlines from the opening moment again and the clocks follow, recorded with the
   * reason. Nothing when it already has that severity.
   */
  async regrade(uow: UnitOfWork, ticket: Ticket, severity: TicketSeverity, reason: string): Promise<void> {
    const changes = applyChanges(ticket, { severity });
    if (changes.length === 0) return;
    await this.recomputeDeadlines(uow.em, ticket, changes);
    this.history(uow.em, null, ticket, HistoryAction.UPDATED, changes, reason);
    await uow.em.flush();
    uow.events.push(new TicketChangedEvent(ticketFacts(ticket), TicketChangeKind.UPDATED, ticket.updatedAt));
  }

  /** A new priority or severity: deadlines from the opening moment again, recorded, and the clocks follow. */
  private async recomputeDeadlines(em: EntityManager, ticket: Ticket, changes: FieldChange[]): Promise<void> {
    const customer = await requireCustomer(em, ticket.customer.id, 'customerId');
    const { deadlines, provisional } = await ticketDeadlines(em, this.calendar, this.slaPolicy, {
      kind: ticket.kind,
      level: customer.serviceLevel,
      priority: ticket.priority,
      severity: ticket.severity,
      from: ticket.createdAt,
    });
    changes.push(
      ...applyChanges(ticket, {
        responseDueAt: deadlines.responseDueAt,
        resolutionDueAt: deadlines.resolutionDueAt,
        reportDueAt: deadlines.reportDueAt ?? undefined,
        deadlinesProvisional: provisional,
      }),
    );
    await this.sla.recompute(em, ticket.id, deadlines);
  }

  /**
   * An administrator entered `year`: open tickets whose deadlines were provisional are computed
   * again on it, in the same transaction, each recomputation recorded.
   */
  async recomputeProvisional(em: EntityManager, year: number): Promise<void> {
    const tickets = await em.find(Ticket, { deadlinesProvisional: true, status: { $in: [...openStatuses] } });
    for (const ticket of tickets) {
      const changes: FieldChange[] = [];
      await this.recomputeDeadlines(em, ticket, changes);
      if (changes.length)
        this.history(em, null, ticket, HistoryAction.UPDATED, changes, `deadlines counted again on the ${year} holiday schedule`);
    }
    await em.flush();
  }

  private async moveStatus(em: EntityManager, ticket: Ticket, to: TicketStatus): Promise<void> {
    const from = ticket.status;
    const now = this.clock.now();
    const clocks = await this.sla.onMove(em, { ticketId: ticket.id, from, to, at: now });
    if (clocks.resolutionDueAt) ticket.resolutionDueAt = clocks.resolutionDueAt;
    ticket.status = to;
    if (from === TicketStatus.acknowledged && !ticket.respondedAt) ticket.respondedAt = now;
    if (to === TicketStatus.resolved) ticket.resolvedAt = now;
    if (from === TicketStatus.resolved && to === TicketStatus.inProgress) ticket.resolvedAt = undefined;
    if (to === TicketStatus.closed) ticket.closedAt = now;
  }

  addNote(ctx: ServiceContext, ticketId: string, note: string, customerVisible = false): Promise<Ticket> {
    return this.write(ctx, async ({ em }, actor) => {
      checkId('ticketId', ticketId);
      checkText('note', note, TEXT_LIMITS.text);
      const ticket = await findById(em, Ticket, ticketId);
      if (!ticket) throw notFound('Ticket', ticketId);
      this.history(em, actor, ticket, HistoryAction.NOTE_ADDED, [], note, customerVisible);
      return { ticket, change: TicketChangeKind.NOTE_ADDED };
    });
  }

  async submitReport(ctx: ServiceContext, input: SubmitReportInput): Promise<TicketReport> {
    let report: TicketReport | undefined;
    await this.write(ctx, async (uow, actor) => {
      const { em } = uow;
      const ticket = await findById(em, Ticket, input.ticketId);
      if (!ticket) throw notFound('Ticket', input.ticketId);
      const now = this.clock.now();
      report = em.create(TicketReport, {
        ticket,
        kind: input.kind,
        title: input.title,
        content: input.content,
        submittedBy: actor ?? undefined,
        submittedAt: now,
        onTime: !ticket.reportDueAt || now.getTime() <= ticket.reportDueAt.getTime(),
        createdAt: now,
        updatedAt: now,
      });
      this.history(em, actor, ticket, HistoryAction.REPORT_SUBMITTED, [], `${input.kind} report: ${input.title}`);
      await this.sla.onReport(em, ticket.id, now);
      // The procedure waiting for this report moves on in the same transaction.
      await em.flush();
      await this.procedures?.reportSubmitted(uow, ctx, ticket.id, input.kind);
      return { ticket, change: TicketChangeKind.REPORT_SUBMITTED };
    });
    return report as TicketReport;
  }

  /** One transaction: resolve the actor, apply the change, flush, announce it after commit. */
  private write(
    ctx: ServiceContext,
    change: (uow: UnitOfWork, actor: User | null) => Promise<{ ticket: Ticket; change: TicketChange | null }>,
  ): Promise<Ticket> {
    return inTransaction(ctx.em, this.bus, async (uow) => {
      const actor = await actingUser(uow.em, ctx.actor);
      const result = await change(uow, actor);
      await uow.em.flush();
      if (result.change) uow.events.push(new TicketChangedEvent(ticketFacts(result.ticket), result.change, result.ticket.updatedAt));
      return result.ticket;
    });
  }

  private history(
    em: EntityManager,
    actor: User | null,
    ticket: Ticket,
    action: HistoryAction,
    changes: FieldChange[],
    note: string | null,
    customerVisible = false,
  ): void {
    const now = this.clock.now();
    ticket.updatedAt = now;
    recordHistory(em, actor, { subjectType: SubjectType.TICKET, subjectId: ticket.id, action, at: now, changes, note, customerVisible });
  }
}
