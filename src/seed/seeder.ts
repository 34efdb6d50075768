import type { MikroORM } from '@mikro-orm/postgresql';
import type { TicketKind } from '../modules/tickets/ticket.enums';
import { bulkInsert, type Row } from './bulk-insert';
import { Random } from './random';
import { makeCustomers } from './seed-customers';
import { makeUsers } from './seed-people';
import { makeProcedureFacts } from './seed-procedure-facts';
import { makeTickets } from './seed-tickets';

export interface SeedOptions {
  seed: number;
  tickets: number;
  /** the demo center's "today": tickets spread over the two quarters before it */
  now: Date;
  /**
   * Kinds that run a procedure: their seeded tickets are all finished (the past), live ones are
   * opened by the hub through its services (seed-live-tickets). None when not told (benchmarks).
   */
  settledKinds?: readonly TicketKind[];
  /** when a clock warns, as a share of its window (SLA_WARNING_PERCENT; 80 when not told) */
  warnPercent?: number;
}

/**
 * Loads a believable center, the same for the same seed (ids included): staff, about 60
 * customers with contacts, about 400 circuits and `tickets` tickets with histories, reports, SLA
 * clocks and the facts the resource-check and provisioning procedures record (for the measures).
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
    const plan = {
      count: options.tickets,
      now: options.now,
      settledKinds: new Set(options.settledKinds ?? []),
      warnPercent: options.warnPercent ?? 80,
    };
    const tickets = makeTickets(random, plan, customers.customers, people.users, departments);
    // Drawn last, so the rows above stay what they were for the same seed.
    const facts = makeProcedureFacts(random, tickets.tickets, tickets.links, tickets.reports, customers.circuitRows);
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
    await bulkInsert(em, 'sla_clock', tickets.clocks);
    await bulkInsert(em, 'history_event', tickets.history);
    await bulkInsert(em, 'resource_check', facts.resourceChecks);
    await bulkInsert(em, 'checked_resource', facts.checkedResources);
    await bulkInsert(em, 'provisioning_order', facts.provisioningOrders);
    await bulkInsert(em, 'provisioning_circuit', facts.provisioningCircuits);
    for (const counter of tickets.counters) {
      await em.execute(
        'insert into ticket_counter (year, last) values (?, ?) on conflict (year) do update set last = greatest(ticket_counter.last, excluded.last)',
        [counter.year, counter.last],
      );
    }
  });
}
