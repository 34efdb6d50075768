import { registerEnumType } from 'type-graphql';

export enum SlaClockKind {
  RESPONSE = 'RESPONSE',
  RESOLUTION = 'RESOLUTION',
  REPORT = 'REPORT',
}

export enum SlaClockState {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  MET = 'MET',
  BREACHED = 'BREACHED',
}

export enum SlaAlertKind {
  WARNING = 'WARNING',
  BREACHED = 'BREACHED',
}

registerEnumType(SlaClockKind, {
  name: 'SlaClockKind',
  description: 'the deadline a clock counts to: response, resolution, or the report owed',
});
registerEnumType(SlaClockState, {
  name: 'SlaClockState',
  description:
    'RUNNING, PAUSED (the ticket waits on the customer), MET (done in time or late: see breachedAt), BREACHED (due and not done)',
});
registerEnumType(SlaAlertKind, { name: 'SlaAlertKind', description: 'a clock reached its warning time, or its due time' });
