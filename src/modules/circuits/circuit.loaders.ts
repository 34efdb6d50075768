import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, groupBy } from '../../db/batch-loaders';
import { Circuit } from './circuit.entity';

type CircuitRow = Record<string, unknown> & { ticket_id: string };

export const circuitLoaders = (em: EntityManager) => ({
  circuitById: byIdLoader(em, Circuit),
  /** All circuits a set of tickets affect, in one query over the pivot table. */
  circuitsByTicket: new DataLoader<string, Circuit[]>(async (ticketIds) => {
    const rows: CircuitRow[] = await em.execute(
      `select tc.ticket_id, c.* from ticket_circuit tc join circuit c on c.id = tc.circuit_id
       where tc.ticket_id = any(?::uuid[]) order by c.code`,
      [`{${ticketIds.join(',')}}`],
    );
    const grouped = groupBy(ticketIds, rows, (r) => r.ticket_id);
    return grouped.map((group) => group.map(({ ticket_id: _, ...row }) => em.map(Circuit, row)));
  }),
  circuitsByCustomer: new DataLoader<string, Circuit[]>(async (customerIds) => {
    const rows = await em.find(Circuit, { customer: { $in: [...customerIds] }, archivedAt: null }, { orderBy: { code: 'asc' } });
    return groupBy(customerIds, rows, (c) => c.customer.id);
  }),
});
