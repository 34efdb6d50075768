import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SLOW_CONSUMER_CLOSE_CODE } from '../../src/graphql/subscription-group';
import { eventually, sampleValue, scrape } from '../operations/metrics-support';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { subscribe, wsClient } from '../support/subscriptions';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const LIMIT = 256 * 1024;
// Every event sends ~180 KB per subscription: 15 aliases of a 4,000-character Chinese description (3 bytes each).
const BIG = `subscription { ticketChanged { change ${Array.from({ length: 15 }, (_, i) => `t${i}: ticket { id description }`).join(' ')} } }`;
const SLOW_SUBSCRIPTIONS = 40;

type Notice = { ticketChanged: { change: string; t0: { id: string } } };

/** A client speaking graphql-transport-ws by hand, so the test can stop it reading. */
async function rawSubscriber(t: TestHub, query: string, count: number) {
  const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const message = (type: string, id?: string) =>
    new Promise<void>((resolve) => {
      const seen = (data: WebSocket.RawData) => {
        const parsed = JSON.parse(data.toString()) as { type: string; id?: string };
        if (parsed.type === type && parsed.id === id) {
          socket.off('message', seen);
          resolve();
        }
      };
      socket.on('message', seen);
    });
  await new Promise<void>((resolve) => socket.once('open', () => resolve()));
  const acknowledged = message('connection_ack');
  socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${await tokenFor('admin')}` } }));
  await acknowledged;
  for (let i = 0; i < count; i++) socket.send(JSON.stringify({ id: `slow-${i}`, type: 'subscribe', payload: { query } }));
  const answered = message('complete', 'probe');
  socket.send(JSON.stringify({ id: 'probe', type: 'subscribe', payload: { query: '{ __typename }' } }));
  await answered;
  return { socket, closed };
}

describe('A slow consumer is dropped, and does not hold back the others', () => {
  let t: TestHub;
  let world: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none', wsMaxBufferedBytes: LIMIT } });
    world = await makeWorld(t);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t.stop();
  });

  const metric = async (name: string) => sampleValue(await scrape(t), name) ?? 0;
  const open = () =>
    t.ok<{ openTicket: { id: string } }>(OPEN, {
      input: { kind: 'FAULT', channel: 'PHONE', title: '慢', description: '断'.repeat(4000), customerId: world.customer.id },
    });

  test('When a socket stops reading, then it is closed with 1013 and counted, while a fast member of its group keeps receiving', async () => {
    const fastClient = wsClient(t.url);
    clients.push(fastClient);
    const fast = await subscribe<Notice>(fastClient, BIG);
    const slow = await rawSubscriber(t, BIG, SLOW_SUBSCRIPTIONS);
    await eventually(async () => (await metric('kexiang_subscriptions_open')) === SLOW_SUBSCRIPTIONS + 1);
    expect(await metric('kexiang_subscription_groups')).toBe(1);
    expect(await metric('kexiang_subscription_slow_consumers_dropped_total')).toBe(0);
    slow.socket.pause();

    // Each event puts ~7 MB before the paused socket: the kernel takes a few MB, the rest waits in
    // the hub, and at the next send past the limit the socket is closed. Counted by events, not time.
    let events = 0;
    while ((await metric('kexiang_subscription_slow_consumers_dropped_total')) === 0) {
      expect(events).toBeLessThan(10);
      const { openTicket } = await open();
      expect((await fast.next()).ticketChanged.t0.id).toBe(openTicket.id);
      events++;
    }
    expect(await metric('kexiang_subscription_slow_consumers_dropped_total')).toBe(1);

    // Reading again, the client finds what was sent before the drop, then the close and its reason.
    slow.socket.resume();
    const { code, reason } = await slow.closed;
    expect(code).toBe(SLOW_CONSUMER_CLOSE_CODE);
    expect(reason).toMatch(/^slow consumer: \d+ bytes waiting$/);
    expect(Number(/(\d+) bytes/.exec(reason)?.[1])).toBeGreaterThan(LIMIT);

    // The group runs on for its fast member.
    await eventually(async () => (await metric('kexiang_subscriptions_open')) === 1);
    const { openTicket } = await open();
    expect((await fast.next()).ticketChanged.t0.id).toBe(openTicket.id);
    expect(await metric('kexiang_subscription_groups')).toBe(1);
    expect(await metric('kexiang_subscription_slow_consumers_dropped_total')).toBe(1);
    await fast.close();
  });
});
