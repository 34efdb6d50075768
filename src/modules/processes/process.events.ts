import type { DomainEvent } from '../../shared/event-bus';
import type { InstanceStatus } from './process.enums';

export class ProcessInstanceChangedEvent implements DomainEvent {
  readonly type = 'process-instance.changed';
  constructor(
    readonly instanceId: string,
    readonly processKey: string,
    readonly status: InstanceStatus,
    readonly businessKey: string | null,
    readonly at: Date,
  ) {}
}

export type TaskChange = 'CREATED' | 'CLAIMED' | 'UNCLAIMED' | 'ASSIGNED' | 'RELEASED' | 'COMPLETED' | 'CANCELLED' | 'OVERDUE';

export class TaskChangedEvent implements DomainEvent {
  readonly type = 'task.changed';
  constructor(
    readonly taskId: string,
    readonly change: TaskChange,
    readonly candidateDepartment: string | null,
    readonly candidateRole: string | null,
    readonly assigneeId: string | null,
    readonly at: Date,
  ) {}
}
