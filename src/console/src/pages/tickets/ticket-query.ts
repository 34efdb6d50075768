import type { ClockInput } from '../../shared/sla';

export interface BoardTicket {
  id: string;
  number: string;
  title: string;
  kind: string;
  status: string;
  priority: string;
  updatedAt: string;
  customer: { name: string; serviceLevel: string };
  ownerDepartment: { id: string; name: string; code: string };
  assignee: { name: string } | null;
  slaClocks: ClockInput[];
}

const TICKET_FIELDS = `id number title kind status priority updatedAt
  customer { name serviceLevel }
  ownerDepartment { id name code }
  assignee { name }
  slaClocks { kind state dueAt warnAt pausedAt metAt breachedAt }`;

export const BOARD_QUERY = `query Board($filter: TicketFilter) {
  departments { id name code }
  tickets(first: 100, filter: $filter, orderBy: { field: RESOLUTION_DUE_AT, direction: ASC }) {
    totalCount
    edges { node { ${TICKET_FIELDS} } }
  }
}`;

export const TICKET_QUERY = `query BoardTicket($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

export const TICKET_CHANGED = `subscription BoardTicketChanged($filter: TicketSubscriptionFilter) {
  ticketChanged(filter: $filter) { change at ticket { ${TICKET_FIELDS} } }
}`;

export const SLA_ALERTS = `subscription BoardSlaAlerts($filter: SlaAlertFilter) {
  slaAlerts(filter: $filter) { ticketId alert clock at }
}`;

export interface BoardFilter {
  kind: string;
  level: string;
  departmentId: string;
  open: boolean;
}

/** What the hub is asked for (the service level is the customer's: the list filter takes it). */
export function ticketFilter(f: BoardFilter, openStatuses: readonly string[]): Record<string, unknown> {
  return {
    ...(f.kind ? { kinds: [f.kind] } : {}),
    ...(f.level ? { serviceLevels: [f.level] } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.open ? { statuses: openStatuses } : {}),
  };
}

/** Whether a ticket a subscription brought still belongs on the board as filtered. */
export function onBoard(t: BoardTicket, f: BoardFilter, openStatuses: readonly string[]): boolean {
  return (
    (!f.kind || t.kind === f.kind) &&
    (!f.level || t.customer.serviceLevel === f.level) &&
    (!f.departmentId || t.ownerDepartment.id === f.departmentId) &&
    (!f.open || openStatuses.includes(t.status))
  );
}
