import type { DomainEvent } from '../../shared/event-bus';
import type { SlaAlertKind, SlaClockKind } from './sla.enums';

/** A clock reached its warning or due time; announced after the sweep that found it commits. */
export class SlaAlertEvent implements DomainEvent {
  readonly type = 'sla.alert';
  constructor(
    readonly ticketId: string,
    readonly ownerDepartmentId: string,
    readonly clock: SlaClockKind,
    readonly alert: SlaAlertKind,
    readonly dueAt: Date,
    readonly at: Date,
  ) {}
}
