import type { MikroORM } from '@mikro-orm/postgresql';
import { bulkInsert, type Row } from './bulk-insert';
import { Random } from './random';
import { makeCustomers } from './seed-customers';
import { makeUsers } from './seed-people';
import { makeTickets } from './seed-tickets';

export interface SeedOptions {
  seed: number;
  tickets: number;
  /** the demo center's "today": tickets spread over the two quarters before it */
  now: Date;
}

/**
 * Loads a believable center, the same for the same seed (ids included): staff, about 60
 * customers with contacts, about 400 circuits and `tickets` tickets with histories and reports.
 * One transaction: all of it or nothing. Departments come from a migration and are read here.
 */
export async function seedDemoData(orm: MikroORM, options: SeedOptions): Promise<void> {
  const random = new Random(options.seed);
  const setUpAt = new Date(options.now.getTime() - 200 * 24 * 3600_000);
  await orm.em.fork().transactional(async (em) => {
    const departments = new Map(
      (await em.execute<{ code: string; id: string }[]>('select code, id from department')).map((d) => [d.code, d.id] as const),
    );
    const people = makeUsers(random, departments, setUpAt);
    const customers = makeCustomers(random, people.users, setUpAt);
    const tickets = makeTickets(random, options.tickets, customers.customers, people.users, departments, options.now);
    const created = (subject: string, rows: Row[]) =>
      rows.map((r) => ({
        subject_type: subject,
        subject_id: r.id as string,
        at: setUpAt,
        actor_id: null,
        action: 'CREATED',
        changes: '[]',
        note: null,
      }));
    await bulkInsert(em, 'app_user', people.rows);
    await bulkInsert(em, 'customer', customers.customerRows);
    await bulkInsert(em, 'contact', customers.contactRows);
    await bulkInsert(em, 'circuit', customers.circuitRows);
    await bulkInsert(em, 'history_event', [...created('CUSTOMER', customers.customerRows), ...created('CIRCUIT', customers.circuitRows)]);
    await bulkInsert(em, 'ticket', tickets.tickets);
    await bulkInsert(em, 'ticket_circuit', tickets.links);
    await bulkInsert(em, 'ticket_report', tickets.reports);
    await bulkInsert(em, 'history_event', tickets.history);
    for (const counter of tickets.counters) {
      await em.execute(
        'insert into ticket_counter (year, last) values (?, ?) on conflict (year) do update set last = greatest(ticket_counter.last, excluded.last)',
        [counter.year, counter.last],
      );
    }
  });
}
