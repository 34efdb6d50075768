import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { hubTimerOf, type TimerDeadlines } from './engine/hub-timer';
import { TaskStatus, TimerStatus } from './process.enums';

/**
 * A ticket's deadline moved (its clock was paused, its priority changed, it was extended): the
 * pending timers its procedures armed on that deadline move with it, and so do the due times of
 * the tasks they are attached to. Runs in the transaction that moved the deadline.
 */
export async function retimeDeadlineTimers(em: EntityManager, deadlines: TimerDeadlines, ticketId: string, now: Date): Promise<number> {
  const timers = await execSql<{ id: string; instance_id: string; element_id: string; follows: string }>(
    em,
    `select t.id, t.instance_id, t.element_id, t.follows from process_timer t join process_instance i on i.id = t.instance_id
     where i.ticket_id = ? and t.status = ? and t.follows is not null`,
    [ticketId, TimerStatus.PENDING],
  );
  for (const timer of timers) {
    const hub = hubTimerOf(timer.follows);
    if (!hub) continue;
    const dueAt = await deadlines.dueAt(em, hub, { now, ticketId });
    await execSql(em, 'update process_timer set due_at = ? where id = ?', [dueAt, timer.id]);
  }
  if (timers.length > 0) {
    // A task is due at its earliest boundary timer; the definition says which timers are attached to which task.
    await execSql(
      em,
      `update process_task k set due_at = x.due from (
         select k2.id, min(t.due_at) as due from process_task k2
         join process_instance i on i.id = k2.instance_id
         join process_definition d on d.id = i.definition_id
         join jsonb_array_elements(d.elements) e on e->>'attachedTo' = k2.element_id
         join process_timer t on t.instance_id = i.id and t.element_id = e->>'id' and t.status = ?
         where i.ticket_id = ? and k2.status = ?
         group by k2.id) x
       where k.id = x.id`,
      [TimerStatus.PENDING, ticketId, TaskStatus.OPEN],
    );
  }
  return timers.length;
}
