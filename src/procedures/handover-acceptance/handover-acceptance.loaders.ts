import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { groupBy, RecordLoader } from '../../db/batch-loaders';
import { execSql, type Row, rowReader, selectRows, uuidArray } from '../../db/plain-rows';
import { HandoverAcceptance } from './handover-acceptance.entity';
import type { HandoverTaskBrief } from './handover-acceptance.types';
import { HandoverTest } from './handover-test.entity';
import { ROUND_CHECKS } from './round-checks';

/** A page of tickets, their acceptances and each acceptance's tests cost one statement per level, not one per ticket. */
export const handoverLoaders = (em: EntityManager) => ({
  /** The acceptance kept beside each ticket (null for tickets this procedure did not take in). */
  handoverByTicket: new RecordLoader<string, Row<HandoverAcceptance> | null>(async (ticketIds) => {
    const rows = await selectRows(em, HandoverAcceptance, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
    return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
  }),
  /** Every check of each acceptance, by round, in the order of the round's forms (ROUND_CHECKS). */
  handoverTests: new DataLoader<string, Row<HandoverTest>[]>(async (acceptanceIds) => {
    const rows = await selectRows(em, HandoverTest, 'acceptance_id = any(?::uuid[])', [uuidArray(acceptanceIds)], 'round');
    const order = (row: Row<HandoverTest>) => ROUND_CHECKS.findIndex((check) => check.kind === row.kind);
    rows.sort((a, b) => a.round - b.round || order(a) - order(b));
    return groupBy(acceptanceIds, rows, (row) => row.acceptanceId);
  }),
  /** What the contractor's task says about its acceptance, by the task's instance. */
  handoverBriefByInstance: new RecordLoader<string, HandoverTaskBrief | null>(async (instanceIds) => {
    const rows = await execSql<Record<string, unknown> & { instance_id: string; ticket_number: string }>(
      em,
      `select i.id as instance_id, t.number as ticket_number, a.* from process_instance i
         join handover_acceptance a on a.ticket_id = i.ticket_id join ticket t on t.id = i.ticket_id
        where i.id = any(?::uuid[])`,
      [uuidArray(instanceIds)],
    );
    const reader = rowReader(em, HandoverAcceptance);
    return instanceIds.map((id) => {
      const row = rows.find((r) => r.instance_id === id);
      if (!row) return null;
      const acceptance = reader.read(row);
      return {
        ticketNumber: row.ticket_number,
        works: acceptance.works,
        reworkRounds: acceptance.reworkRounds,
        defects: acceptance.defects,
      };
    });
  }),
});
