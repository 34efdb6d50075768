import type { DomainEvent } from '../../shared/event-bus';
import type { TicketStatus } from './ticket.enums';

export type TicketChange = 'OPENED' | 'UPDATED' | 'TRANSITIONED' | 'NOTE_ADDED' | 'REPORT_SUBMITTED';

/** Announced after a ticket change commits; realtime and processes subscribe to it. */
export class TicketChangedEvent implements DomainEvent {
  readonly type = 'ticket.changed';
  constructor(
    readonly ticketId: string,
    readonly change: TicketChange,
    readonly status: TicketStatus,
    readonly at: Date,
  ) {}
}
