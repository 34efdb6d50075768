import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm-options';
import type { TicketStatus } from '../../src/modules/tickets/ticket.enums';
import { allowedTransitions } from '../../src/modules/tickets/ticket-status';
import { seedIfEmpty } from '../../src/seed/seed-if-empty';
import { seedDemoData } from '../../src/seed/seeder';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const now = new Date('2026-11-20T10:00:00+08:00');

async function seeded(seed: number): Promise<{ db: TestDatabase; orm: MikroORM }> {
  const db = await createTestDatabase();
  const orm = await MikroORM.init(ormOptions({ clientUrl: db.url, poolSize: 2 }));
  await seedDemoData(orm, { seed, tickets: 400, now });
  return { db, orm };
}

const fingerprint = async (orm: MikroORM) => {
  const [row] = await orm.em.fork().execute<{ c: string; k: string; t: string }[]>(`select
    (select md5(string_agg(id || code || name || service_level, ',' order by id)) from customer) as c,
    (select md5(string_agg(id || code || status || bandwidth_mbps, ',' order by id)) from circuit) as k,
    (select md5(string_agg(id || number || status || created_at::text, ',' order by id)) from ticket) as t`);
  return row;
};

describe('The demo-data seeder', () => {
  const opened: { db: TestDatabase; orm: MikroORM }[] = [];
  let a: { db: TestDatabase; orm: MikroORM };
  beforeAll(async () => {
    a = await seeded(7);
    opened.push(a);
  });
  afterAll(async () => {
    for (const { db, orm } of opened) {
      await orm.close(true);
      await db.drop();
    }
  });

  test('When seeded, then it makes a center of believable size', async () => {
    const [counts] = await a.orm.em.fork().execute<Record<string, string>[]>(`select
      (select count(*) from customer) as customers, (select count(*) from circuit) as circuits,
      (select count(*) from ticket) as tickets, (select count(*) from contact) as contacts,
      (select count(distinct service_level) from customer) as levels, (select count(*) from app_user where code in ('admin', 'kx.duty')) as known,
      (select count(*) from ticket_report) as reports`);
    expect(Number(counts.customers)).toBe(60);
    expect(Number(counts.circuits)).toBeGreaterThan(350);
    expect(Number(counts.circuits)).toBeLessThan(450);
    expect(Number(counts.tickets)).toBe(400);
    expect(Number(counts.contacts)).toBeGreaterThanOrEqual(60);
    expect(Number(counts.levels)).toBe(5);
    expect(Number(counts.known)).toBe(2);
    expect(Number(counts.reports)).toBeGreaterThan(0);
  });

  test('When the same seed is used twice, then the data is identical; another seed differs', async () => {
    const b = await seeded(7);
    const c = await seeded(8);
    opened.push(b, c);
    expect(await fingerprint(b.orm)).toEqual(await fingerprint(a.orm));
    expect((await fingerprint(c.orm)).t).not.toEqual((await fingerprint(a.orm)).t);
  });

  test('When a ticket history is read, then it walks only allowed transitions and ends at the ticket status', async () => {
    const rows = await a.orm.em.fork().execute<{ status: TicketStatus; steps: { from: TicketStatus; to: TicketStatus }[] | null }[]>(`
      select t.status, (select json_agg(h.changes->0 order by h.id) from history_event h
        where h.subject_id = t.id and h.action = 'TRANSITIONED') as steps from ticket t`);
    for (const { status, steps } of rows) {
      let current: TicketStatus = 'acknowledged' as TicketStatus;
      for (const step of steps ?? []) {
        expect(step.from).toBe(current);
        expect(allowedTransitions(current)).toContain(step.to);
        current = step.to;
      }
      expect(current).toBe(status);
    }
  });

  test('When numbers are read, then they are unique and continue without gaps into new tickets', async () => {
    const em = a.orm.em.fork();
    const [row] = await em.execute<{ n: string; distinct: string; max: string; last: string; minAt: string; maxAt: string }[]>(`
      select count(*) as n, count(distinct number) as distinct, max(substring(number from 9)::int) as max,
        (select last from ticket_counter where year = 2026) as last, min(created_at) as "minAt", max(created_at) as "maxAt" from ticket`);
    expect(row.distinct).toBe(row.n);
    expect(Number(row.last)).toBe(Number(row.max));
    expect(new Date(row.minAt).getTime()).toBeGreaterThan(new Date('2026-05-01').getTime());
    expect(new Date(row.maxAt).getTime()).toBeLessThan(now.getTime());
  });

  test('When the database already has customers, then seedIfEmpty leaves it alone', async () => {
    expect(await seedIfEmpty(a.orm, { seed: 9, tickets: 10, now })).toBe(false);
    const [{ n }] = await a.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from ticket');
    expect(Number(n)).toBe(400);
  });
});
