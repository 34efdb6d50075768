import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy, type RecordLoader } from '../../db/batch-loaders';
import { execSql, type Row, rowReader, uuidArray } from '../../db/plain-rows';
import { User } from '../org/user.entity';
import type { SubjectType } from './history.enums';
import { HistoryEvent } from './history-event.entity';

/** Asks for the newest `limit` events of one subject (all when limit is null). */
export interface HistoryKey {
  subjectType: SubjectType;
  subjectId: string;
  limit: number | null;
}

const keyOf = (k: HistoryKey) => `${k.subjectType}:${k.subjectId}:${k.limit ?? 'all'}`;

type HistoryRow = Record<string, unknown> & { subject_type: string; subject_id: string; actor_id: string | null };

export const historyLoaders = (em: EntityManager, userById: RecordLoader<string, Row<User> | null>) => ({
  /**
   * History of many subjects in one query; a window function keeps the newest `limit` per subject,
   * so "the last 5 events of 100 tickets" is one statement, not 100.
   */
  history: new DataLoader<HistoryKey, Row<HistoryEvent>[], string>(
    async (keys) => {
      const limit = keys.some((k) => k.limit === null) ? null : Math.max(...keys.map((k) => k.limit ?? 0));
      const types = [...new Set(keys.map((k) => k.subjectType))];
      const rows: HistoryRow[] = [];
      // One statement per subject type (a page asks for one).
      for (const type of types) {
        const ids = [...new Set(keys.filter((k) => k.subjectType === type).map((k) => k.subjectId))];
        rows.push(
          ...(await execSql<HistoryRow>(
            em,
            `select * from (
               select h.*, row_number() over (partition by h.subject_id order by h.id desc) as rn
               from history_event h where h.subject_type = ? and h.subject_id = any(?::uuid[])
             ) ranked ${limit === null ? '' : 'where rn <= ?'} order by subject_id, id desc`,
            [type, uuidArray(ids), ...(limit === null ? [] : [limit])],
          )),
        );
      }
      // The actors in one more statement now, so `actor` is served from the loader's cache whatever the timing.
      const actorIds = [...new Set(rows.map((r) => r.actor_id).filter((id): id is string => typeof id === 'string'))];
      if (actorIds.length > 0) await userById.loadMany(actorIds);
      const reader = rowReader(em, HistoryEvent);
      const grouped = groupBy(
        keys.map((k) => `${k.subjectType}:${k.subjectId}`),
        rows,
        (r) => `${r.subject_type}:${r.subject_id}`,
      );
      return grouped.map((group, i) => reader.readAll(group.slice(0, keys[i].limit ?? group.length)));
    },
    { cacheKeyFn: keyOf },
  ),
});
