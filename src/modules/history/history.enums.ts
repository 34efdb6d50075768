import { registerEnumType } from 'type-graphql';

export enum SubjectType {
  TICKET = 'TICKET',
  CUSTOMER = 'CUSTOMER',
  CONTACT = 'CONTACT',
  CIRCUIT = 'CIRCUIT',
  CALENDAR = 'CALENDAR',
  /** a quarterly report's narrative section (each save) and its submission */
  QUARTERLY_REPORT = 'QUARTERLY_REPORT',
}

export enum HistoryAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  TRANSITIONED = 'TRANSITIONED',
  NOTE_ADDED = 'NOTE_ADDED',
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  ARCHIVED = 'ARCHIVED',
  SLA_WARNING = 'SLA_WARNING',
  SLA_BREACHED = 'SLA_BREACHED',
}

registerEnumType(SubjectType, { name: 'SubjectType' });
registerEnumType(HistoryAction, { name: 'HistoryAction' });
