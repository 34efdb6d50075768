import { registerEnumType } from 'type-graphql';

/** The nine kinds of work the center tracks (DOMAIN.md). */
export enum TicketKind {
  FAULT = 'FAULT',
  COMPLAINT = 'COMPLAINT',
  CONSULTATION = 'CONSULTATION',
  PRESALES_SUPPORT = 'PRESALES_SUPPORT',
  RESOURCE_CHECK = 'RESOURCE_CHECK',
  CIRCUIT_DISPATCH = 'CIRCUIT_DISPATCH',
  CUTOVER_NOTICE = 'CUTOVER_NOTICE',
  HANDOVER_ACCEPTANCE = 'HANDOVER_ACCEPTANCE',
  EMERGENCY = 'EMERGENCY',
}

export enum TicketChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  ONLINE_MESSAGE = 'ONLINE_MESSAGE',
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  WEB_FORUM = 'WEB_FORUM',
  NETWORK_ALARM = 'NETWORK_ALARM',
  INTERNAL = 'INTERNAL',
}

export enum TicketPriority {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

/** Complaint and emergency grading: ordinary, major (lawsuits, media, safety...), crisis (mass incidents). */
export enum TicketSeverity {
  ORDINARY = 'ORDINARY',
  MAJOR = 'MAJOR',
  CRISIS = 'CRISIS',
}

/** TMF621 trouble-ticket states. */
export enum TicketStatus {
  acknowledged = 'acknowledged',
  inProgress = 'inProgress',
  pending = 'pending',
  held = 'held',
  resolved = 'resolved',
  closed = 'closed',
  cancelled = 'cancelled',
  rejected = 'rejected',
}

/** The three reports whose timeliness the center is measured on, and an emergency's review (事后总结). */
export enum ReportKind {
  FAULT = 'FAULT',
  OPERATION = 'OPERATION',
  TEST = 'TEST',
  /** what an emergency taught and what will change (DOMAIN.md procedure 8); not one of the measured three */
  REVIEW = 'REVIEW',
}

/** What happened to a ticket, as subscribers are told. */
export enum TicketChangeKind {
  OPENED = 'OPENED',
  UPDATED = 'UPDATED',
  TRANSITIONED = 'TRANSITIONED',
  NOTE_ADDED = 'NOTE_ADDED',
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
}

registerEnumType(TicketKind, { name: 'TicketKind' });
registerEnumType(TicketChangeKind, { name: 'TicketChangeKind' });
registerEnumType(TicketChannel, { name: 'TicketChannel', description: 'How the request reached the center' });
registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketSeverity, { name: 'TicketSeverity' });
registerEnumType(TicketStatus, { name: 'TicketStatus', description: 'TMF621 trouble-ticket state' });
registerEnumType(ReportKind, { name: 'ReportKind', description: 'fault report, operation (run) report, test report, emergency review' });
