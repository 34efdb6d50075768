import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { execSql, type Row, rowReader, selectRows, uuidArray } from '../../db/plain-rows';
import { Circuit } from './circuit.entity';

type CircuitOfTicket = Record<string, unknown> & { ticket_id: string };

export const circuitLoaders = (em: EntityManager) => ({
  circuitById: byIdLoader(em, Circuit),
  /** All circuits a set of tickets affect, in one query over the pivot table. */
  circuitsByTicket: new DataLoader<string, Row<Circuit>[]>(async (ticketIds) => {
    const rows = await execSql<CircuitOfTicket>(
      em,
      `select tc.ticket_id, c.* from ticket_circuit tc join circuit c on c.id = tc.circuit_id
       where tc.ticket_id = any(?::uuid[]) order by c.code`,
      [uuidArray(ticketIds)],
    );
    const reader = rowReader(em, Circuit);
    return groupBy(ticketIds, rows, (r) => r.ticket_id).map((group) => reader.readAll(group));
  }),
  circuitsByCustomer: new DataLoader<string, Row<Circuit>[]>(async (customerIds) => {
    const rows = await selectRows(em, Circuit, 'customer_id = any(?::uuid[]) and archived_at is null', [uuidArray(customerIds)], 'code');
    return groupBy(customerIds, rows, (c) => c.customer.id);
  }),
});
