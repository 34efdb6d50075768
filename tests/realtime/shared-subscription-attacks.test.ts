import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { eventually, samples, sampleValue, scrape } from '../operations/metrics-support';
import { makeWorld, type World } from '../support/fixtures';
import { type Identity, startTestHub, type TestHub, tokenFor } from '../support/hub';
import { type SubscriptionProbe, subscribe, subscribeResults, wsClient } from '../support/subscriptions';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const TICKETS = 'subscription { ticketChanged { change ticket { id title customer { id } } } }';

type Notice = { ticketChanged: { change: string; ticket: { id: string; title?: string; customer?: { id: string } } | null } };

interface Frame {
  id?: string;
  type: string;
  payload?: unknown;
}

/** graphql-transport-ws by hand: every frame the hub sends is kept, by arrival. */
async function rawClient(t: TestHub, as: Identity = 'admin') {
  const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const w of waiters.splice(0)) w();
  });
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  await new Promise<void>((resolve) => socket.once('open', () => resolve()));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${await tokenFor(as)}` } }));
  await until(() => frames.some((f) => f.type === 'connection_ack'));
  let probes = 0;
  return {
    socket,
    frames,
    until,
    send: (frame: Frame) => socket.send(JSON.stringify(frame)),
    /** a query on the same socket: once answered, everything sent before it was processed */
    sync: async () => {
      const id = `sync-${probes++}`;
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: '{ __typename }' } }));
      await until(() => frames.some((f) => f.id === id && f.type === 'complete'));
    },
    close: () => socket.close(),
  };
}

describe('Shared subscription executions, tried as an attacker would', () => {
  let t: TestHub;
  let world: World;
  let other: World;
  const clients: Client[] = [];
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t);
    other = await makeWorld(t);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0)) c();
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await eventually(async () => (await metric('kexiang_subscription_groups')) === 0);
  });
  afterAll(async () => {
    await t.stop();
  });

  const metric = async (name: string, labels: Record<string, string> = {}) => sampleValue(await scrape(t), name, labels) ?? 0;
  const client = (as: Identity = 'admin') => {
    const c = wsClient(t.url, as);
    clients.push(c);
    return c;
  };
  const open = (w: World, title: string) =>
    t.ok<{ openTicket: { id: string } }>(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title, customerId: w.customer.id } });
  const closeAll = (probes: SubscriptionProbe<unknown>[]) => Promise.all(probes.map((p) => p.close()));

  // ---------------------------------------------------------------------------------------------
  // FOUND: a member joining a group mid-stream receives an event published before it subscribed.
  // ---------------------------------------------------------------------------------------------
  test('When a customer sends a staff document re-spelled (whitespace, fragments, null vs absent variables), then it sees only its own tickets', async () => {
    const FILTERED = `subscription S($filter: TicketSubscriptionFilter) { ticketChanged(filter: $filter) { change ticket { id customer { id } } } }`;
    const RESPELLED = `subscription S($filter: TicketSubscriptionFilter) {ticketChanged(filter: $filter) {...N}}
      fragment N on TicketChangeNotice { change ticket { id customer { id } } }`;
    const staffA = await subscribeResults<Notice>(client(), FILTERED, {}, 'S');
    const staffB = await subscribeResults<Notice>(client(), RESPELLED, { filter: null }, 'S');
    const customer = [
      await subscribeResults<Notice>(client({ customerId: world.customer.id }), FILTERED, {}, 'S'),
      await subscribeResults<Notice>(client({ customerId: world.customer.id }), FILTERED, { filter: null }, 'S'),
      await subscribeResults<Notice>(client({ customerId: world.customer.id }), RESPELLED, {}, 'S'),
      // asks for the other customer explicitly
      await subscribeResults<Notice>(
        client({ customerId: world.customer.id }),
        FILTERED,
        { filter: { customerId: other.customer.id } },
        'S',
      ),
    ];
    const theirs = await open(other, '别人的');
    const mine = await open(world, '我的');
    for (const s of [staffA, staffB]) {
      expect((await s.next()).data?.ticketChanged.ticket?.id).toBe(theirs.openTicket.id);
      expect((await s.next()).data?.ticketChanged.ticket?.id).toBe(mine.openTicket.id);
    }
    for (const c of customer.slice(0, 3)) {
      expect(await c.next()).toEqual({
        data: { ticketChanged: { change: 'OPENED', ticket: { id: mine.openTicket.id, customer: { id: world.customer.id } } } },
      });
    }
    // The filter naming another customer: the next thing it hears is not the other customer's ticket.
    const again = await open(other, '别人的 2');
    expect((await staffA.next()).data?.ticketChanged.ticket?.id).toBe(again.openTicket.id);
    const nothing = await Promise.race([customer[3].next().then(() => 'received'), staffB.next().then(() => 'staff first')]);
    expect(nothing).toBe('staff first');
    await closeAll([staffA, staffB, ...customer]);
  });

  test('When a user is demoted to contractor while their old subscription runs, then a new subscription does not join the old group', async () => {
    const code = `sup.${Date.now().toString(36)}`;
    const { createUser } = await t.ok<{ createUser: { id: string; version: number } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }`,
      { input: { code, name: '主管', departmentId: world.departments.KX, roles: ['SUPERVISOR'] } },
    );
    const old = await subscribeResults<Notice>(client(code), TICKETS);
    await t.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, {
      input: { id: createUser.id, version: createUser.version, roles: ['CONTRACTOR'] },
    });
    const demoted = await subscribeResults<Notice>(client(code), TICKETS);
    // Refused at subscribe with its own, current roles.
    expect((await demoted.next()).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const seen = await open(world, '降级之后');
    expect((await old.next()).data?.ticketChanged.ticket?.id).toBe(seen.openTicket.id);
    await closeAll([old, demoted]);
  });

  test('When one member is refused (bad variables, FORBIDDEN), then the group of the others is neither blocked nor told', async () => {
    const FILTERED = `subscription($filter: TicketSubscriptionFilter) { ticketChanged(filter: $filter) { change ticket { id } } }`;
    const good = await subscribeResults<Notice>(client(), FILTERED, { filter: { customerId: world.customer.id } });
    const bad = await subscribeResults<Notice>(client(), FILTERED, { filter: { customerId: world.customer.id, kinds: ['NOPE'] } });
    const contractor = await subscribeResults<Notice>(client({ customerId: world.customer.id }), 'subscription { slaAlerts { ticketId } }');
    expect((await bad.next()).errors?.length).toBeGreaterThan(0);
    expect((await contractor.next()).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const joined = await subscribeResults<Notice>(client(), FILTERED, { filter: { customerId: world.customer.id } });
    const seen = await open(world, '不受影响');
    for (const s of [good, joined])
      expect(await s.next()).toEqual({ data: { ticketChanged: { change: 'OPENED', ticket: { id: seen.openTicket.id } } } });
    await closeAll([good, bad, contractor, joined]);
  });

  test('When the member whose context the group runs with leaves, then the others still get fresh reads for every event, in order', async () => {
    const founder = await subscribe<Notice>(client(), TICKETS);
    const stays = await subscribe<Notice>(client(), TICKETS);
    const alsoStays = await subscribe<Notice>(client({ customerId: world.customer.id }), TICKETS);
    const { openTicket } = await open(world, '原来的标题');
    expect((await founder.next()).ticketChanged.ticket?.title).toBe('原来的标题');
    await founder.close();
    await eventually(async () => (await metric('kexiang_subscriptions_open')) === 2);
    expect((await stays.next()).ticketChanged.ticket?.title).toBe('原来的标题');
    expect((await alsoStays.next()).ticketChanged.ticket?.title).toBe('原来的标题');
    const { ticket } = await t.ok<{ ticket: { version: number } }>(`query($id: ID!) { ticket(id: $id) { version } }`, {
      id: openTicket.id,
    });
    let version = ticket.version;
    for (const title of ['第二个标题', '第三个标题']) {
      const { updateTicket } = await t.ok<{ updateTicket: { version: number } }>(
        `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { version } }`,
        { input: { id: openTicket.id, version, title } },
      );
      version = updateTicket.version;
      for (const s of [stays, alsoStays]) expect((await s.next()).ticketChanged.ticket?.title).toBe(title);
    }
    await closeAll([stays, alsoStays]);
  });

  test('When a client reuses an id after completing it, or another connection uses the same id, then each id gets one frame per event', async () => {
    const a = await rawClient(t);
    const b = await rawClient(t);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    a.send({ id: 'x', type: 'subscribe', payload: { query: TICKETS } });
    await a.sync();
    a.send({ id: 'x', type: 'complete' });
    await a.sync();
    a.send({ id: 'x', type: 'subscribe', payload: { query: TICKETS } });
    await a.sync();
    b.send({ id: 'x', type: 'subscribe', payload: { query: TICKETS } });
    await b.sync();
    await eventually(async () => (await metric('kexiang_subscriptions_open')) === 2);
    expect(await metric('kexiang_subscription_groups')).toBe(1);
    const { openTicket } = await open(world, '同一个编号');
    const second = await open(world, '第二个');
    const nexts = (c: { frames: Frame[] }) => c.frames.filter((f) => f.type === 'next' && f.id === 'x');
    await a.until(() => nexts(a).length >= 2);
    await b.until(() => nexts(b).length >= 2);
    await a.sync();
    await b.sync();
    for (const c of [a, b]) {
      expect(nexts(c).map((f) => [f.id, (f.payload as { data: Notice }).data.ticketChanged.ticket?.id])).toEqual([
        ['x', openTicket.id],
        ['x', second.openTicket.id],
      ]);
      expect(c.frames.filter((f) => f.id === 'x' && f.type === 'complete')).toHaveLength(0);
    }
    a.close();
    b.close();
  });

  test('When subscriptions are spelled with fragments, aliases and operation names, then the executions label stays a root field name', async () => {
    const spelled = [
      'subscription { ...F } fragment F on Subscription { ticketChanged { change } }',
      'subscription Weird_Name_123 { weird_alias: ticketChanged { change } }',
      'subscription { ... on Subscription { ticketChanged { change } } }',
      'subscription { ticketChanged @include(if: true) { change } }',
    ];
    const probes = await Promise.all(spelled.map((q) => subscribeResults(client(), q)));
    await open(world, '标签');
    for (const p of probes) expect((await p.next()).errors).toBeUndefined();
    const fields = new Set(
      samples(await scrape(t))
        .filter((s) => s.name === 'kexiang_subscription_executions_total')
        .map((s) => s.labels.field),
    );
    for (const field of fields)
      expect(['ticketChanged', 'taskChanged', 'processInstanceChanged', 'slaAlerts', '__fragment']).toContain(field);
    await closeAll(probes);
  });
});
