import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { deploy, fixture, makeStaff } from '../support/processes';
import { subscribe } from '../support/subscriptions';

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';

describe('Who may do what', () => {
  let t: TestHub;
  let mine: World;
  let theirs: World;
  let staff: { ops: string; kx: string; sales: string };
  const tickets: Record<string, string> = {};

  beforeAll(async () => {
    // fault-mini's service task calls `classify`: deploys refuse handlers the hub does not have.
    t = await startTestHub({ registry: new ServiceRegistry().register('classify', async () => ({})) });
    mine = await makeWorld(t, { circuitCount: 1 });
    theirs = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
    for (const [name, w] of [
      ['mine', mine],
      ['theirs', theirs],
    ] as const) {
      tickets[name] = (
        await t.ok<{ openTicket: { id: string } }>(OPEN, {
          input: { kind: 'FAULT', channel: 'PHONE', title: name, customerId: w.customer.id },
        })
      ).openTicket.id;
    }
  });
  afterAll(() => t.stop());

  const raw = (authorization?: string) =>
    fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ departments { code } }' }),
    });

  test('When a request has no token, a forged one or an expired one, then 401 UNAUTHENTICATED; health needs none', async () => {
    for (const authorization of [
      undefined,
      'Bearer not.a.token',
      `Bearer ${await new SignJWT({ kind: 'staff' }).setProtectedHeader({ alg: 'HS256' }).setSubject('admin').sign(new TextEncoder().encode('wrong-secret'))}`,
    ]) {
      const res = await raw(authorization);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const expired = await new SignJWT({ kind: 'staff' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('kexiang-development-secret-do-not-use-in-production'));
    expect((await raw(`Bearer ${expired}`)).status).toBe(401);
    expect((await fetch(t.url.replace('/graphql', '/health/live'))).status).toBe(200);
  });

  test("When staff without ADMIN create a user or a process owner's work is tried by operations, then FORBIDDEN names the roles", async () => {
    const create = await t.gql(
      'mutation($d: ID!) { createUser(input: {code: "x.y", name: "x", departmentId: $d, roles: [OPERATIONS]}) { id } }',
      { d: mine.departments.OPS },
      staff.ops,
    );
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(create.errors?.[0].message).toContain('ADMIN');
    const deployed = await t.gql(
      'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }',
      { xml: fixture('fault-mini.bpmn') },
      staff.ops,
    );
    expect(deployed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await deploy(t, fixture('fault-mini.bpmn'))).created).toBe(true);
  });

  test('When staff read, then each role sees what it needs: contractors work through tasks, contacts go to those who talk to customers', async () => {
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    await t.ok(
      'mutation($d: ID!) { createUser(input: {code: "contractor.one", name: "施工", departmentId: $d, roles: [CONTRACTOR]}) { id } }',
      {
        d: departments.find((d) => d.code === 'CONTRACTOR')?.id,
      },
    );
    const lists = await t.gql('{ tickets { totalCount } }', {}, 'contractor.one');
    expect(lists.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ tasks(filter: {myDepartment: true}) { id } }', {}, 'contractor.one')).errors).toBeUndefined();
    const CONTACTS = 'query($c: ID!) { customer(id: $c) { name contacts { name } } }';
    const ops = await t.gql(CONTACTS, { c: mine.customer.id }, staff.ops);
    expect(ops.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(ops.errors?.[0].message).toContain('ACCOUNT_MANAGER');
    expect((await t.gql(CONTACTS, { c: mine.customer.id }, staff.sales)).errors).toBeUndefined();
    expect((await t.gql('{ tickets { totalCount } }', {}, staff.ops)).errors).toBeUndefined();
  });

  test("When an integrator acts for one customer, then it sees only that customer's tickets, circuits and customer, and no contacts", async () => {
    const as = { customerId: mine.customer.id };
    const lists = await t.ok<{
      tickets: { edges: { node: { id: string } }[] };
      circuits: { totalCount: number };
      customers: { edges: { node: { id: string } }[] };
    }>('{ tickets { edges { node { id } } } circuits { totalCount } customers { edges { node { id } } } }', {}, as);
    expect(lists.tickets.edges.map((e) => e.node.id)).toEqual([tickets.mine]);
    expect(lists.circuits.totalCount).toBe(1);
    expect(lists.customers.edges.map((e) => e.node.id)).toEqual([mine.customer.id]);
    const byKey = await t.ok<{ ticket: unknown; customer: unknown; circuit: unknown }>(
      'query($t: ID!, $c: ID!, $k: ID!) { ticket(id: $t) { id } customer(id: $c) { id } circuit(id: $k) { id } }',
      { t: tickets.theirs, c: theirs.customer.id, k: theirs.circuits[0].id },
      as,
    );
    expect(byKey).toEqual({ ticket: null, customer: null, circuit: null });
    const contacts = await t.gql('query($c: ID!) { customer(id: $c) { contacts { name } } }', { c: mine.customer.id }, as);
    expect(contacts.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const query of ['{ users { code } }', '{ tasks { id } }', '{ processDefinitions { key } }']) {
      expect((await t.gql(query, {}, as)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const write = await t.gql(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title: 'x', customerId: mine.customer.id } }, as);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test("When an integrator subscribes, then only its customer's ticket changes arrive", async () => {
    // A customer client: the token names the customer.
    const scoped = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({ Authorization: `Bearer ${await tokenFor({ customerId: mine.customer.id })}` }),
    });
    const probe = await subscribe<{ ticketChanged: { ticket: { id: string; title: string } } }>(
      scoped,
      'subscription { ticketChanged { ticket { id title } } }',
    );
    await t.ok(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title: 'theirs-2', customerId: theirs.customer.id } });
    await t.ok(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title: 'mine-2', customerId: mine.customer.id } });
    expect((await probe.next()).ticketChanged.ticket.title).toBe('mine-2');
    await probe.close();
    await scoped.dispose();
  });

  test('When a WebSocket connects without a token, then it is closed with 4403', async () => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    expect(await closed).toBe(4403);
  });
});
