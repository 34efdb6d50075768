import { registerEnumType } from 'type-graphql';

export enum InstanceStatus {
  RUNNING = 'RUNNING',
  WAITING = 'WAITING',
  COMPLETED = 'COMPLETED',
  INCIDENT = 'INCIDENT',
  CANCELLED = 'CANCELLED',
}

export enum TaskStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum TimerStatus {
  PENDING = 'PENDING',
  FIRED = 'FIRED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(InstanceStatus, { name: 'ProcessInstanceStatus' });
registerEnumType(TaskStatus, { name: 'TaskStatus' });
registerEnumType(TimerStatus, { name: 'TimerStatus' });
