import type { TicketChange, TicketFacts } from '../tickets/ticket.events';

/** Subscription topics. Payloads are JSON-safe so they can cross processes by NOTIFY. */
export enum Topic {
  TicketChanged = 'TICKET_CHANGED',
}

export interface TicketChangedPayload extends TicketFacts {
  change: TicketChange;
  at: string;
}

export interface TopicPayloads {
  [Topic.TicketChanged]: [TicketChangedPayload];
}
