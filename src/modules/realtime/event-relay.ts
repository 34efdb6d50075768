import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventBus } from '../../shared/event-bus';
import { HolidayScheduleChangedEvent } from '../calendar/calendar.events';
import { ProcessInstanceChangedEvent, TaskChangedEvent } from '../processes/process.events';
import { SlaAlertEvent } from '../sla/sla.events';
import { TicketChangedEvent } from '../tickets/ticket.events';
import type { Broadcast, Broadcaster } from './broadcaster';
import { Topic } from './topics';

/** Which committed domain events subscribers hear about, and as what. */
export function toBroadcast(event: DomainEvent): Broadcast | null {
  // Every broadcast is told apart by its id: two changes can share a timestamp.
  const eventId = randomUUID();
  if (event instanceof TicketChangedEvent) {
    return { topic: Topic.TicketChanged, payload: { ...event.facts, eventId, change: event.change, at: event.at.toISOString() } };
  }
  if (event instanceof ProcessInstanceChangedEvent) {
    const { instanceId, processKey, status, businessKey } = event;
    return {
      topic: Topic.ProcessInstanceChanged,
      payload: { eventId, instanceId, processKey, status, businessKey, at: event.at.toISOString() },
    };
  }
  if (event instanceof TaskChangedEvent) {
    const { taskId, change, candidateDepartment, candidateRole, assigneeId } = event;
    return {
      topic: Topic.TaskChanged,
      payload: { eventId, taskId, change, candidateDepartment, candidateRole, assigneeId, at: event.at.toISOString() },
    };
  }
  if (event instanceof SlaAlertEvent) {
    const { ticketId, ownerDepartmentId, clock, alert } = event;
    return {
      topic: Topic.SlaAlert,
      payload: { eventId, ticketId, ownerDepartmentId, clock, alert, dueAt: event.dueAt.toISOString(), at: event.at.toISOString() },
    };
  }
  if (event instanceof HolidayScheduleChangedEvent) {
    return { topic: Topic.CalendarChanged, payload: { eventId, year: event.year, at: event.at.toISOString() } };
  }
  return null;
}

/** Sends committed domain events to every hub; each hub hands what arrives to its local subscribers. */
export function relayEvents(bus: EventBus, broadcaster: Broadcaster, deliver: (message: Broadcast) => void): () => void {
  broadcaster.onMessage(deliver);
  return bus.subscribe(async (events) => {
    const messages = events.map(toBroadcast).filter((m): m is Broadcast => m !== null);
    if (messages.length > 0) await broadcaster.publish(messages);
  });
}
