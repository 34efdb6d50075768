import type { TicketChange, TicketFacts } from '../tickets/ticket.events';

/** Subscription topics. Payloads are JSON-safe so they can cross processes by NOTIFY. */
export enum Topic {
  TicketChanged = 'TICKET_CHANGED',
  ProcessInstanceChanged = 'PROCESS_INSTANCE_CHANGED',
  TaskChanged = 'TASK_CHANGED',
  SlaAlert = 'SLA_ALERT',
  /** not a subscription: tells every hub to load the holiday schedule again */
  CalendarChanged = 'CALENDAR_CHANGED',
}

export interface ProcessInstanceChangedPayload {
  eventId: string;
  instanceId: string;
  processKey: string;
  status: string;
  businessKey: string | null;
  at: string;
}

export interface TaskChangedPayload {
  eventId: string;
  taskId: string;
  change: string;
  candidateDepartment: string | null;
  candidateRole: string | null;
  assigneeId: string | null;
  at: string;
}

export interface SlaAlertPayload {
  eventId: string;
  ticketId: string;
  ownerDepartmentId: string;
  clock: string;
  alert: string;
  dueAt: string;
  at: string;
}

export interface TicketChangedPayload extends TicketFacts {
  eventId: string;
  change: TicketChange;
  at: string;
}

export interface TopicPayloads {
  [Topic.TicketChanged]: [TicketChangedPayload];
}
