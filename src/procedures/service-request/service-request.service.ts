import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../db/unit-of-work';
import { HistoryAction, SubjectType } from '../../modules/history/history.enums';
import { actingUser, recordHistory } from '../../modules/history/history.service';
import type { User } from '../../modules/org/user.entity';
import { SlaClockKind, SlaClockState } from '../../modules/sla/sla.enums';
import { SlaClock } from '../../modules/sla/sla-clock.entity';
import type { SlaClockService } from '../../modules/sla/sla-clock.service';
import { addSpan, consultationAnswerSpan, type DeadlineCalendar } from '../../modules/tickets/sla-policy';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { TicketChangeKind, TicketChannel, TicketKind } from '../../modules/tickets/ticket.enums';
import { TicketChangedEvent, ticketFacts } from '../../modules/tickets/ticket.events';
import type { OpenTicketInput } from '../../modules/tickets/ticket.inputs';
import { isFinal } from '../../modules/tickets/ticket-status';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound } from '../../shared/domain-error';
import type { DomainEvent, EventBus } from '../../shared/event-bus';
import { checkId, checkText, isDateInRange } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import { ServiceRequestIntake } from './service-request-intake.entity';

/** 客户服务响应时间规章制度: a call is answered within 20 s, within 1 min when the center is busy. */
export const CALL_ANSWER_SECONDS = { usual: 20, busy: 60 } as const;

/** An explanation is read out or written to a customer: a few sentences, not a report. */
export const EXPLANATION_MAX = 1000;

/**
 * The service-request procedure's own work on a consultation: the call's answer time at intake,
 * the answer deadline once the center judged the question, and extensions told to the customer.
 */
const MAX_EXTENSION_WORKING_DAYS = 5;

export class ServiceRequestService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly calendar: DeadlineCalendar,
    private readonly sla: SlaClockService,
  ) {}

  /** In the ticket's transaction: how fast the call was answered, against its target. */
  intake(em: EntityManager, ticket: Ticket, input: OpenTicketInput): void {
    const call = ticket.channel === TicketChannel.PHONE;
    const told = input.answeredInSeconds ?? null;
    if (!call && (told !== null || input.busy != null)) {
      throw badInput('answeredInSeconds', `Only a call has an answer time: this consultation came by ${ticket.channel}`);
    }
    const busy = input.busy ?? false;
    const target = call ? (busy ? CALL_ANSWER_SECONDS.busy : CALL_ANSWER_SECONDS.usual) : null;
    const met = told === null || target === null ? null : told <= target;
    const now = this.clock.now();
    em.create(ServiceRequestIntake, {
      ticketId: ticket.id,
      answeredInSeconds: told,
      busy,
      answerTargetSeconds: target,
      answerMet: met,
      recordedAt: now,
    });
    if (met !== null) {
      recordHistory(em, null, {
        subjectType: SubjectType.TICKET,
        subjectId: ticket.id,
        action: HistoryAction.NOTE_ADDED,
        at: now,
        note: `call answered in ${told} s, target ${target} s${busy ? ' (busy)' : ''}: ${met ? 'met' : 'missed'}`,
      });
    }
  }

  /**
   * In the step's transaction, once the center confirmed the request: a complex one is answered
   * within 48 h of receipt rather than 24 h. An extension already granted further is kept.
   */
  async judged(em: EntityManager, events: DomainEvent[], ticketId: string, complex: boolean): Promise<void> {
    const intake = await em.findOne(ServiceRequestIntake, { ticketId });
    if (intake) intake.complex = complex;
    const ticket = await em.findOneOrFail(Ticket, ticketId);
    const clock = await em.findOne(SlaClock, { ticketId, kind: SlaClockKind.RESOLUTION });
    const until = addSpan(this.calendar, ticket.createdAt, consultationAnswerSpan(true));
    if (complex && clock && clock.dueAt < until) {
      await this.moveAnswerDeadline(em, null, ticket, until, 'a complex question: answered within 48 h of receipt', false);
      await em.flush();
      // Dashboards hear of the later deadline with the step that set it.
      events.push(new TicketChangedEvent(ticketFacts(ticket), TicketChangeKind.UPDATED, ticket.updatedAt));
    }
    await em.flush();
  }

  /**
   * 如需延长处理时间,需提前向客户做出解释: before the answer deadline only, to a later time, with
   * the explanation the customer was given, which the customer sees in the ticket's history.
   */
  extendDeadline(ctx: ServiceContext, ticketId: string, until: Date, explanation: string): Promise<Ticket> {
    checkId('ticketId', ticketId);
    if (!isDateInRange(until)) throw badInput('until', 'until must be a date between 1900 and 9999');
    checkText('explanation', explanation, EXPLANATION_MAX);
    if (explanation.trim().length === 0)
      throw badInput('explanation', 'Say why the answer takes longer: the explanation is told to the customer');
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      // Locked: two extensions at once must not both check against the same deadline.
      const ticket = await em.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!ticket) throw notFound('Ticket', ticketId);
      if (ticket.kind !== TicketKind.CONSULTATION) {
        throw badInput('ticketId', `Ticket ${ticket.number} is a ${ticket.kind}: only consultations are extended this way`);
      }
      const clock = await em.findOne(SlaClock, { ticketId, kind: SlaClockKind.RESOLUTION });
      if (isFinal(ticket.status) || !clock || clock.state === SlaClockState.MET) {
        throw new DomainError(ErrorCode.CONFLICT, `Ticket ${ticket.number} is answered already (${ticket.status})`, {
          status: ticket.status,
        });
      }
      const due = clock.dueAt.toISOString();
      if (this.clock.now().getTime() >= clock.dueAt.getTime()) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The answer was due at ${due}: an extension is explained to the customer before the deadline, not after`,
          { resolutionDueAt: due },
        );
      }
      if (until.getTime() <= clock.dueAt.getTime()) {
        throw badInput('until', `until must be later than the current answer deadline, ${due}`, { resolutionDueAt: due });
      }
      // An extension buys time for an answer, not a way out of the clock: at most a working week
      // (5 working days) past the deadline in force, each time it is asked and explained.
      const latest = addSpan(this.calendar, clock.dueAt, { workingDays: MAX_EXTENSION_WORKING_DAYS });
      if (until.getTime() > latest.getTime()) {
        throw badInput('until', `An extension reaches at most ${latest.toISOString()} (5 working days past the current deadline, ${due})`, {
          resolutionDueAt: due,
          latest: latest.toISOString(),
        });
      }
      const actor = await actingUser(em, ctx.actor);
      await this.moveAnswerDeadline(em, actor, ticket, until, explanation.trim(), true);
      events.push(new TicketChangedEvent(ticketFacts(ticket), TicketChangeKind.UPDATED, ticket.updatedAt));
      return ticket;
    });
  }

  /** The answer deadline moves: on the ticket, in its history, on its clock (the procedure's timers follow). */
  private async moveAnswerDeadline(
    em: EntityManager,
    actor: User | null,
    ticket: Ticket,
    until: Date,
    note: string,
    customerVisible: boolean,
  ): Promise<void> {
    const now = this.clock.now();
    const from = ticket.resolutionDueAt.toISOString();
    ticket.resolutionDueAt = until;
    ticket.updatedAt = now;
    recordHistory(em, actor, {
      subjectType: SubjectType.TICKET,
      subjectId: ticket.id,
      action: HistoryAction.UPDATED,
      at: now,
      changes: [{ field: 'resolutionDueAt', from, to: until.toISOString() }],
      note,
      customerVisible,
    });
    await this.sla.extend(em, ticket.id, SlaClockKind.RESOLUTION, until);
  }
}
