import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, RecordLoader } from '../../db/batch-loaders';
import { execSql, type Row, rowReader, selectRows, uuidArray } from '../../db/plain-rows';
import { TaskStatus } from '../../modules/processes/process.enums';
import { ReportKind } from '../../modules/tickets/ticket.enums';
import { TicketReport } from '../../modules/tickets/ticket-report.entity';
import { ProvisioningCircuit } from './provisioning-circuit.entity';
import { ProvisioningOrder } from './provisioning-order.entity';
import { ARCHIVE_TASK, TEST_REPORT_ELEMENT } from './provisioning-steps';

/** This procedure's loaders, one set per request's EntityManager: a page of tickets costs one statement each, not one per ticket. */
export interface ProvisioningLoaders {
  orderByTicket: RecordLoader<string, Row<ProvisioningOrder> | null>;
  circuitsByTicket: RecordLoader<string, Row<ProvisioningCircuit>[]>;
  /** when each of a ticket's diagram elements was last done (its tasks), and its first test report */
  doneTimesByTicket: RecordLoader<string, Map<string, Date>>;
  testReportByTicket: RecordLoader<string, Row<TicketReport> | null>;
  ticketsOfProject: RecordLoader<string, string[]>;
  /** who completed the archive task on an order's ticket */
  archiverByTicket: RecordLoader<string, string | null>;
}

const loaders = new WeakMap<EntityManager, ProvisioningLoaders>();

export function provisioningLoaders(em: EntityManager): ProvisioningLoaders {
  let made = loaders.get(em);
  if (!made) {
    made = {
      orderByTicket: new RecordLoader(async (ticketIds) => {
        const rows = await selectRows(em, ProvisioningOrder, 'ticket_id = any(?::uuid[])', [uuidArray(ticketIds)]);
        return ticketIds.map((id) => rows.find((row) => row.ticketId === id) ?? null);
      }),
      circuitsByTicket: new RecordLoader(async (ticketIds) => {
        const rows = await execSql<Record<string, unknown> & { ticket_id: string }>(
          em,
          `select pc.* from provisioning_circuit pc join circuit c on c.id = pc.circuit_id
            where pc.ticket_id = any(?::uuid[]) order by c.code`,
          [uuidArray(ticketIds)],
        );
        const reader = rowReader(em, ProvisioningCircuit);
        return groupBy(ticketIds, rows, (row) => row.ticket_id).map((group) => reader.readAll(group));
      }),
      doneTimesByTicket: new RecordLoader(async (ticketIds) => {
        const rows = await execSql<{ ticket_id: string; element: string; at: string }>(
          em,
          `select i.ticket_id, k.element_id as element, max(k.completed_at) as at
             from process_task k join process_instance i on i.id = k.instance_id
            where i.ticket_id = any(?::uuid[]) and k.status = ? group by i.ticket_id, k.element_id
           union all
           select r.ticket_id, ? as element, min(r.submitted_at) as at from ticket_report r
            where r.ticket_id = any(?::uuid[]) and r.kind = ? group by r.ticket_id`,
          [uuidArray(ticketIds), TaskStatus.COMPLETED, TEST_REPORT_ELEMENT, uuidArray(ticketIds), ReportKind.TEST],
        );
        return groupBy(ticketIds, rows, (row) => row.ticket_id).map(
          (group) => new Map(group.map((row) => [row.element, new Date(row.at)])),
        );
      }),
      testReportByTicket: new RecordLoader(async (ticketIds) => {
        const rows = await selectRows(
          em,
          TicketReport,
          'ticket_id = any(?::uuid[]) and kind = ?',
          [uuidArray(ticketIds), ReportKind.TEST],
          'submitted_at',
        );
        return ticketIds.map((id) => rows.find((row) => row.ticket.id === id) ?? null);
      }),
      ticketsOfProject: new RecordLoader(async (projectIds) => {
        const rows = await execSql<{ project_id: string; ticket_id: string }>(
          em,
          `select o.project_id, o.ticket_id from provisioning_order o join ticket t on t.id = o.ticket_id
            where o.project_id = any(?::uuid[]) order by o.ordered_at, t.number`,
          [uuidArray(projectIds)],
        );
        return groupBy(projectIds, rows, (row) => row.project_id).map((group) => group.map((row) => row.ticket_id));
      }),
      archiverByTicket: new RecordLoader(async (ticketIds) => {
        const rows = await execSql<{ ticket_id: string; completed_by_id: string | null }>(
          em,
          `select i.ticket_id, k.completed_by_id from process_task k join process_instance i on i.id = k.instance_id
            where i.ticket_id = any(?::uuid[]) and k.element_id = ? and k.status = ?`,
          [uuidArray(ticketIds), ARCHIVE_TASK, TaskStatus.COMPLETED],
        );
        return ticketIds.map((id) => rows.find((row) => row.ticket_id === id)?.completed_by_id ?? null);
      }),
    };
    loaders.set(em, made);
  }
  return made;
}
