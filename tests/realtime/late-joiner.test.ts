import type { Client } from 'graphql-ws';
import { Client as Pg } from 'pg';
import { eventually, sampleValue, scrape } from '../operations/metrics-support';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { type SubscriptionProbe, subscribe, wsClient } from '../support/subscriptions';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
// `reports` reads ticket_report, which opening a ticket never touches: locking that table holds a
// shared execution in the middle of an event without holding back the write that published it.
const WITH_REPORTS = 'subscription { ticketChanged { change ticket { id reports { id } } } }';

type Notice = { ticketChanged: { change: string; ticket: { id: string } | null } };

describe('A member joining a shared subscription mid-stream', () => {
  let t: TestHub;
  let world: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.stop();
  });

  const metric = async (name: string) => sampleValue(await scrape(t), name) ?? 0;
  const client = () => {
    const c = wsClient(t.url);
    clients.push(c);
    return c;
  };
  const open = (title: string) =>
    t.ok<{ openTicket: { id: string } }>(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title, customerId: world.customer.id } });

  test('When a member joins while the group is still computing an earlier event, then it does not receive that earlier event', async () => {
    const first = await subscribe<Notice>(client(), WITH_REPORTS);
    const lock = new Pg({ connectionString: t.db.url });
    await lock.connect();
    let late: SubscriptionProbe<Notice> | null = null;
    try {
      await lock.query('begin');
      await lock.query('lock table ticket_report in access exclusive mode');
      // Committed and published before the late subscriber exists.
      const before = await open('订阅之前');
      // The group is now inside that event's execution, waiting for ticket_report.
      await eventually(async () => {
        const { rows } = await lock.query<{ n: number }>(
          `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'ticket_report' and not l.granted`,
        );
        return rows[0].n > 0;
      });
      late = await subscribe<Notice>(client(), WITH_REPORTS);
      await eventually(async () => (await metric('kexiang_subscriptions_open')) === 2);
      expect(await metric('kexiang_subscription_groups')).toBe(1);
      await lock.query('commit');
      expect((await first.next()).ticketChanged.ticket?.id).toBe(before.openTicket.id);
      const after = await open('订阅之后');
      expect((await first.next()).ticketChanged.ticket?.id).toBe(after.openTicket.id);
      // Subscribed after `before` was published: its first event must be `after` (as before sharing,
      // when each subscription had its own pubsub listener, registered when it subscribed).
      expect((await late.next()).ticketChanged.ticket?.id).toBe(after.openTicket.id);
    } finally {
      await lock.query('rollback').catch(() => undefined);
      await lock.end();
      await Promise.all([first, ...(late ? [late] : [])].map((p) => p.close()));
    }
  });
});
