import type { Ticket } from '../../modules/tickets/ticket.entity';

/** What every procedure starts with: the ticket it works on and the deadline it counts to. */
export const ticketVariables = (ticket: Ticket) => ({
  ticketId: ticket.id,
  ticketNumber: ticket.number,
  resolutionDueAt: ticket.resolutionDueAt.toISOString(),
});
