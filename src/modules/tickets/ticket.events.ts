import type { DomainEvent } from '../../shared/event-bus';
import type { Ticket } from './ticket.entity';
import type { TicketChangeKind, TicketKind, TicketStatus } from './ticket.enums';

export type TicketChange = TicketChangeKind;

/** What subscribers filter on, known without loading the ticket again. */
export interface TicketFacts {
  ticketId: string;
  kind: TicketKind;
  status: TicketStatus;
  customerId: string;
  ownerDepartmentId: string;
  assigneeId: string | null;
}

/** Announced after a ticket change commits; realtime and processes subscribe to it. */
export class TicketChangedEvent implements DomainEvent {
  readonly type = 'ticket.changed';
  constructor(
    readonly facts: TicketFacts,
    readonly change: TicketChange,
    readonly at: Date,
  ) {}
}

/** The facts of a ticket as it is now, for its change notice. */
export const ticketFacts = (ticket: Ticket): TicketFacts => ({
  ticketId: ticket.id,
  kind: ticket.kind,
  status: ticket.status,
  customerId: ticket.customer.id,
  ownerDepartmentId: ticket.ownerDepartment.id,
  assigneeId: ticket.assignee?.id ?? null,
});
