import type { DomainEvent } from '../../shared/event-bus';

/** An administrator entered a year's holiday schedule: every hub counts on it from now on. */
export class HolidayScheduleChangedEvent implements DomainEvent {
  readonly type = 'calendar.scheduleChanged';
  constructor(
    readonly year: number,
    readonly at: Date,
  ) {}
}
