import type { Client } from 'graphql-ws';
import { Client as Pg } from 'pg';
import { eventually, sampleValue, scrape } from '../operations/metrics-support';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { subscribeResults } from '../support/subscriptions';
import { wsClientFor } from '../support/transports';

const SECRET = 'a-production-secret-for-shared-errors';
const METRICS_TOKEN = 'metrics-token-for-shared-errors';
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const WITH_REPORTS = 'subscription { ticketChanged { change ticket { id reports { id } } } }';

describe('An error inside a shared execution', () => {
  let t: TestHub;
  let world: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestHub({ config: { production: true, jwtSecret: SECRET, metricsToken: METRICS_TOKEN, ticketProcedures: 'none' } });
    world = await makeWorld(t);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.stop();
  });

  test('When a field fails in production, then every member gets the one masked error, never the SQL', async () => {
    const token = await tokenFor('admin', SECRET);
    const members = await Promise.all(
      [0, 1, 2].map(() => {
        const client = wsClientFor(t, token);
        clients.push(client);
        return subscribeResults(client, WITH_REPORTS);
      }),
    );
    const metric = async (name: string) => sampleValue(await scrape(t, METRICS_TOKEN), name);
    await eventually(async () => (await metric('kexiang_subscriptions_open')) === 3);
    expect(await metric('kexiang_subscription_groups')).toBe(1);
    // The reports of a ticket can no longer be read; opening one does not touch them.
    const sql = new Pg({ connectionString: t.db.url });
    await sql.connect();
    try {
      await sql.query('drop table ticket_report cascade');
    } finally {
      await sql.end();
    }
    await t.ok(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title: '报告丢了', customerId: world.customer.id } });

    const results = await Promise.all(members.map((m) => m.next()));
    const [first] = results;
    expect(first.data).toEqual({ ticketChanged: { change: 'OPENED', ticket: null } });
    expect(first.errors).toHaveLength(1);
    expect(first.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Internal error \(reference [0-9a-f]{8}\)$/),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(first)).not.toMatch(/ticket_report|relation|select/i);
    // Formatted once for the group: one reference (one line in the log), the same text for everyone.
    for (const result of results) expect(result).toEqual(first);
    await Promise.all(members.map((m) => m.close()));
  });
});
