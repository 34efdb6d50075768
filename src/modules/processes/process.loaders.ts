import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
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
  openTasksByInstance: new DataLoader<string, ProcessTask[]>(async (ids) => {
    const rows = await em.find(ProcessTask, { instance: { $in: [...ids] }, status: TaskStatus.OPEN }, { orderBy: { createdAt: 'asc' } });
    return groupBy(ids, rows, (t) => t.instance.id);
  }),
  activitiesByInstance: new DataLoader<string, ActivityRecord[]>(async (ids) => {
    const rows = await em.find(ActivityRecord, { instance: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
    return groupBy(ids, rows, (a) => a.instance.id);
  }),
  instanceCountsByDefinition: new DataLoader<string, { status: string; count: number }[]>(async (ids) => {
    const rows = await em.execute<StatusCountRow[]>(
      'select definition_id, status, count(*) as n from process_instance where definition_id = any(?::uuid[]) group by definition_id, status order by status',
      [`{${ids.join(',')}}`],
    );
    return groupBy(ids, rows, (r) => r.definition_id).map((group) => group.map((r) => ({ status: r.status, count: Number(r.n) })));
  }),
});
