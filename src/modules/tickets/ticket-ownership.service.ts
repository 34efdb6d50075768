import { ref } from '@mikro-orm/core';
import { findById } from '../../db/find-by-id';
import { inTransaction, type UnitOfWork } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkId, checkText, TEXT_LIMITS } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, recordHistory } from '../history/history.service';
import { Role } from '../org/role.enum';
import { User } from '../org/user.entity';
import { Ticket } from './ticket.entity';
import { TicketChangeKind } from './ticket.enums';
import { TicketChangedEvent, ticketFacts } from './ticket.events';
import { isFinal } from './ticket-status';

/**
 * 首问负责制: whoever first takes a customer's matter owns the ticket until they hand it over,
 * explicitly and on the record. The owner is the ticket's assignee.
 */
export class TicketOwnershipService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /** The procedure's acknowledging person becomes the owner (inside the step's transaction); an owner already set stays. */
  async takeOwnership(uow: UnitOfWork, ticketId: string, userId: string, activity: string): Promise<void> {
    const ticket = await findById(uow.em, Ticket, ticketId);
    if (!ticket || ticket.assignee) return;
    const owner = uow.em.getReference(User, userId);
    ticket.assignee = ref(owner);
    this.record(uow, ticket, null, userId, `首问负责: the owner since ${activity}`);
    await uow.em.flush();
  }

  /** The owner (or a supervisor or administrator) hands the ticket to a colleague, saying why. */
  handOver(ctx: ServiceContext, ticketId: string, toUserId: string, note: string): Promise<Ticket> {
    checkId('ticketId', ticketId);
    checkId('toUserId', toUserId);
    checkText('note', note, TEXT_LIMITS.text);
    if (!note.trim()) throw badInput('note', 'Say why the ticket changes hands: the next owner reads it');
    return inTransaction(ctx.em, this.bus, async (uow) => {
      const actor = await actingUser(uow.em, ctx.actor);
      const ticket = await findById(uow.em, Ticket, ticketId);
      if (!ticket) throw notFound('Ticket', ticketId);
      if (isFinal(ticket.status))
        throw new DomainError(ErrorCode.CONFLICT, `Ticket ${ticket.number} is ${ticket.status}: it has no owner to change`);
      const mayHandOver = ticket.assignee?.id === actor?.id || actor?.roles.some((r) => r === Role.SUPERVISOR || r === Role.ADMIN);
      if (!mayHandOver)
        throw new DomainError(ErrorCode.FORBIDDEN, `Only the owner of ${ticket.number}, a supervisor or an administrator hands it over`);
      const next = await findById(uow.em, User, toUserId);
      if (!next?.active) throw badInput('toUserId', `No active user with id ${toUserId}`);
      const from = ticket.assignee?.id ?? null;
      ticket.assignee = ref(next);
      this.record(uow, ticket, actor, next.id, note, from);
      await uow.em.flush();
      return ticket;
    });
  }

  private record(uow: UnitOfWork, ticket: Ticket, actor: User | null, to: string, note: string, from: string | null = null): void {
    const now = this.clock.now();
    ticket.updatedAt = now;
    recordHistory(uow.em, actor, {
      subjectType: SubjectType.TICKET,
      subjectId: ticket.id,
      action: HistoryAction.UPDATED,
      at: now,
      changes: [{ field: 'assignee', from, to }],
      note,
    });
    uow.events.push(new TicketChangedEvent(ticketFacts(ticket), TicketChangeKind.UPDATED, now));
  }
}
