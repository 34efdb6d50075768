import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { type Row, selectRows, uuidArray } from '../../db/plain-rows';
import { ActivityRecord } from './activity-record.entity';
import { TaskStatus } from './process.enums';
import { ProcessDefinition } from './process-definition.entity';
import { ProcessInstance } from './process-instance.entity';
import { ProcessTask } from './process-task.entity';

export interface StatusCountRow {
  definition_id: string;
  status: string;
  n: string;
}

export const processLoaders = (em: EntityManager) => ({
  definitionById: byIdLoader(em, ProcessDefinition),
  instanceById: byIdLoader(em, ProcessInstance),
  openTasksByInstance: new DataLoader<string, Row<ProcessTask>[]>(async (ids) => {
    const rows = await selectRows(
      em,
      ProcessTask,
      'instance_id = any(?::uuid[]) and status = ?',
      [uuidArray(ids), TaskStatus.OPEN],
      'created_at asc',
    );
    return groupBy(ids, rows, (t) => t.instance.id);
  }),
  /** the newest procedure instance of each ticket (a ticket's procedure) */
  procedureByTicket: new DataLoader<string, Row<ProcessInstance> | null>(async (ticketIds) => {
    const rows = await selectRows(em, ProcessInstance, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)], 'started_at desc');
    return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
  }),
  /** the instances each instance's call activities started, oldest first */
  calledByInstance: new DataLoader<string, Row<ProcessInstance>[]>(async (ids) => {
    const rows = await selectRows(em, ProcessInstance, 'parent_instance_id = any(?::uuid[])', [uuidArray(ids)], 'started_at asc');
    return groupBy(ids, rows, (i) => i.parentInstanceId ?? '');
  }),
  activitiesByInstance: new DataLoader<string, Row<ActivityRecord>[]>(async (ids) => {
    const rows = await selectRows(em, ActivityRecord, 'instance_id = any(?::uuid[])', [uuidArray(ids)], 'id asc');
    return groupBy(ids, rows, (a) => a.instance.id);
  }),
  instanceCountsByDefinition: new DataLoader<string, { status: string; count: number }[]>(async (ids) => {
    const rows = await em.execute<StatusCountRow[]>(
      'select definition_id, status, count(*) as n from process_instance where definition_id = any(?::uuid[]) group by definition_id, status order by status',
      [uuidArray(ids)],
    );
    return groupBy(ids, rows, (r) => r.definition_id).map((group) => group.map((r) => ({ status: r.status, count: Number(r.n) })));
  }),
});
