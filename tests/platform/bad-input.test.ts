import net from 'node:net';
import { Client } from 'pg';
import { TEXT_LIMITS } from '../../src/shared/input-checks';
import { makeWorld, type World } from '../support/fixtures';
import { type GraphQLResponse, startTestHub, type TestHub, tokenFor } from '../support/hub';
import { startTcpProxy } from '../support/tcp-proxy';
import { createTestDatabase } from '../support/test-db';
import { overHttp, overWs, TRANSPORTS } from '../support/transports';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000001';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const ADD_CONTACT = 'mutation($input: AddContactInput!) { addContact(input: $input) { id } }';
const NOTE = 'mutation($id: ID!, $note: String!) { addTicketNote(ticketId: $id, note: $note) { id } }';
const TRANSITION = 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { id } }';
const REPORT = 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { id } }';
const ARCHIVE_CUSTOMER = 'mutation($id: ID!, $reason: String!) { archiveCustomer(id: $id, version: 1, reason: $reason) { id } }';
const ARCHIVE_CIRCUIT = 'mutation($id: ID!, $reason: String!) { archiveCircuit(id: $id, version: 1, reason: $reason) { id } }';
const TICKETS = 'query($filter: TicketFilter, $after: String) { tickets(filter: $filter, after: $after) { totalCount edges { cursor } } }';
const CUSTOMERS =
  'query($filter: CustomerFilter, $after: String) { customers(filter: $filter, after: $after) { totalCount edges { cursor } } }';

/** Rows of every table a request can write: a refused request must leave them all as they were. */
const WRITTEN_TABLES = [
  'ticket',
  'ticket_counter',
  'ticket_report',
  'customer',
  'contact',
  'circuit',
  'history_event',
  'idempotency_record',
  'department',
  'app_user',
  'process_instance',
];

async function rowCounts(t: TestHub): Promise<Record<string, number>> {
  const [counts] = await t.hub.database.orm.em
    .fork()
    .execute<Record<string, string>[]>(`select ${WRITTEN_TABLES.map((table) => `(select count(*) from ${table}) as ${table}`).join(', ')}`);
  return Object.fromEntries(Object.entries(counts).map(([table, count]) => [table, Number(count)]));
}

/** The first error is a client error with this code (and this field), never an internal one. */
function expectRefused(res: GraphQLResponse<unknown>, code: string, field?: string): void {
  expect(res.errors?.length).toBeGreaterThan(0);
  for (const error of res.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  expect(res.errors?.[0].extensions?.code).toBe(code);
  if (field !== undefined) expect(res.errors?.[0].extensions?.field).toBe(field);
}

describe('Bad input is refused with a coded client error and changes nothing', () => {
  let t: TestHub;
  let world: World;
  let ticketId: string;
  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 1 });
    const opened = await t.ok<{ openTicket: { id: string } }>(OPEN, {
      input: { kind: 'FAULT', channel: 'PHONE', title: '专线中断', customerId: world.customer.id },
    });
    ticketId = opened.openTicket.id;
  });
  afterAll(() => t.stop());

  /** Runs the refused requests and checks no table gained or lost a row meanwhile. */
  async function refusedWithoutWrites(requests: [query: string, variables: Record<string, unknown>, code: string, field?: string][]) {
    const before = await rowCounts(t);
    for (const [query, variables, code, field] of requests) {
      const res = await t.gql(query, variables);
      try {
        expectRefused(res, code, field);
      } catch (err) {
        throw new Error(`${query} ${JSON.stringify(variables).slice(0, 200)} answered ${JSON.stringify(res).slice(0, 400)}\n${err}`);
      }
    }
    expect(await rowCounts(t)).toEqual(before);
  }

  const openInput = (fields: Record<string, unknown>) => ({
    input: { kind: 'FAULT', channel: 'PHONE', title: '专线中断', customerId: world.customer.id, ...fields },
  });
  const customerInput = (fields: Record<string, unknown>) => ({
    input: {
      code: 'JT-BAD-1',
      name: '坏输入',
      industry: 'retail',
      serviceLevel: 'GOLD',
      accountManagerId: world.accountManager.id,
      ...fields,
    },
  });

  test('When a pagination cursor is garbage, of the wrong shape, or holds a non-UUID id or an impossible value, then BAD_USER_INPUT names `after`', async () => {
    const cursors = [
      'garbage!!',
      Buffer.from('junk').toString('base64url'),
      cursorOf({ a: 1 }),
      cursorOf(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
      cursorOf(['2026-01-01T00:00:00.000Z', 42]),
      cursorOf(['0000-01-01T00:00:00.000Z', UNKNOWN_ID]),
      cursorOf(['+275760-09-13T00:00:00.000Z', UNKNOWN_ID]),
      cursorOf(['not a date', UNKNOWN_ID]),
      cursorOf([{ nested: true }, UNKNOWN_ID]),
      'A'.repeat(TEXT_LIMITS.cursor + 1),
    ];
    for (const after of cursors) expectRefused(await t.gql(TICKETS, { after }), 'BAD_USER_INPUT', 'after');
    // Customers are ordered by name: text and its id go into the comparison.
    for (const after of [cursorOf(['苏州\u0000', UNKNOWN_ID]), cursorOf(['苏州', 'x']), cursorOf([null, UNKNOWN_ID])]) {
      expectRefused(await t.gql(CUSTOMERS, { after }), 'BAD_USER_INPUT', 'after');
    }
    // A cursor the list handed out still works.
    const first = await t.ok<{ tickets: { edges: { cursor: string }[] } }>(TICKETS, {});
    expect((await t.gql(TICKETS, { after: first.tickets.edges[0].cursor })).errors).toBeUndefined();
  });

  test('When an id argument or id input is not a UUID, then BAD_USER_INPUT names it', async () => {
    await refusedWithoutWrites([
      ['query($d: ID) { users(departmentId: $d) { id } }', { d: 'x' }, 'BAD_USER_INPUT', 'departmentId'],
      ['query($id: ID!) { ticket(id: $id) { id } }', { id: 'x' }, 'BAD_USER_INPUT', 'id'],
      ['query($id: ID!) { customer(id: $id) { id } }', { id: 'nope' }, 'BAD_USER_INPUT', 'id'],
      ['query($id: ID!) { circuit(id: $id) { id } }', { id: `${world.circuits[0].id}x` }, 'BAD_USER_INPUT', 'id'],
      [TICKETS, { filter: { customerId: 'x' } }, 'BAD_USER_INPUT', 'customerId'],
      [ARCHIVE_CUSTOMER, { id: 'x', reason: '合同终止' }, 'BAD_USER_INPUT', 'id'],
      [ARCHIVE_CIRCUIT, { id: "x'; drop table circuit; --", reason: '拆机' }, 'BAD_USER_INPUT', 'id'],
      [NOTE, { id: 'x', note: '已联系客户' }, 'BAD_USER_INPUT', 'ticketId'],
      [OPEN, openInput({ customerId: 'nope' }), 'BAD_USER_INPUT', 'customerId'],
      [OPEN, openInput({ circuitIds: ['x'] }), 'BAD_USER_INPUT', 'circuitIds'],
      [TRANSITION, { input: { id: 'x', to: 'inProgress' } }, 'BAD_USER_INPUT', 'id'],
      [CREATE_CUSTOMER, customerInput({ accountManagerId: '1' }), 'BAD_USER_INPUT', 'accountManagerId'],
    ]);
  });

  test('When text holds the NUL character, then BAD_USER_INPUT names the field and nothing is written', async () => {
    const nul = '中断\u0000';
    await refusedWithoutWrites([
      [OPEN, openInput({ title: nul }), 'BAD_USER_INPUT', 'title'],
      [OPEN, openInput({ description: nul }), 'BAD_USER_INPUT', 'description'],
      [OPEN, openInput({ idempotencyKey: nul }), 'BAD_USER_INPUT', 'idempotencyKey'],
      [CREATE_CUSTOMER, customerInput({ name: nul }), 'BAD_USER_INPUT', 'name'],
      [CREATE_CUSTOMER, customerInput({ industry: nul }), 'BAD_USER_INPUT', 'industry'],
      [ADD_CONTACT, { input: { customerId: world.customer.id, name: nul } }, 'BAD_USER_INPUT', 'name'],
      [NOTE, { id: ticketId, note: nul }, 'BAD_USER_INPUT', 'note'],
      [TRANSITION, { input: { id: ticketId, to: 'inProgress', note: nul } }, 'BAD_USER_INPUT', 'note'],
      [REPORT, { input: { ticketId, kind: 'FAULT', title: '阶段报告', content: nul } }, 'BAD_USER_INPUT', 'content'],
      [ARCHIVE_CUSTOMER, { id: world.customer.id, reason: nul }, 'BAD_USER_INPUT', 'reason'],
      [TICKETS, { filter: { search: nul } }, 'BAD_USER_INPUT', 'search'],
      [CUSTOMERS, { filter: { industry: nul } }, 'BAD_USER_INPUT', 'industry'],
      [
        'query($f: ProcessInstanceFilter) { processInstances(filter: $f) { id } }',
        { f: { businessKey: nul } },
        'BAD_USER_INPUT',
        'businessKey',
      ],
      // Arguments no validator sees yet are still refused as input when PostgreSQL will not take them.
      ['mutation($key: String!) { startProcess(key: $key) { id } }', { key: nul }, 'BAD_USER_INPUT'],
    ]);
  });

  test('When a date is impossible or outside 1900-9999, then BAD_USER_INPUT and nothing is written', async () => {
    const createdIn = (range: Record<string, string>) => ({ filter: { createdIn: range } });
    await refusedWithoutWrites([
      [TICKETS, createdIn({ from: '0000-01-01' }), 'BAD_USER_INPUT'],
      [TICKETS, createdIn({ from: '9999-12-31T25:00' }), 'BAD_USER_INPUT'],
      [TICKETS, createdIn({ to: '+275760-09-13T00:00:00Z' }), 'BAD_USER_INPUT'],
      [TICKETS, createdIn({ from: '0000-01-01T00:00:00Z' }), 'BAD_USER_INPUT', 'createdIn.from'],
      [TICKETS, createdIn({ to: '1899-12-31T23:59:59Z' }), 'BAD_USER_INPUT', 'createdIn.to'],
    ]);
    // Written into the document instead of variables, an unparsable date fails validation (400);
    // one that parses but is out of range is refused by the input's validator.
    const literal = (value: string) => `{ tickets(filter: {createdIn: {from: "${value}"}}) { totalCount } }`;
    expectRefused(await t.gql(literal('9999-12-31T25:00')), 'GRAPHQL_VALIDATION_FAILED');
    expectRefused(await t.gql(literal('0000-01-01T00:00:00Z')), 'BAD_USER_INPUT', 'createdIn.from');
    const edge = await t.ok<{ tickets: { totalCount: number } }>(
      TICKETS,
      createdIn({ from: '1900-01-01T00:00:00Z', to: '9999-12-31T23:59:59Z' }),
    );
    expect(edge.tickets.totalCount).toBeGreaterThan(0);
  });

  test('When a list gets `filter: null`, then it answers as with no filter', async () => {
    const lists = ['tickets', 'customers', 'circuits'];
    for (const list of lists) {
      const without = await t.ok<Record<string, { totalCount: number }>>(`{ ${list} { totalCount } }`);
      const withNull = await t.ok<Record<string, { totalCount: number }>>(`{ ${list}(filter: null) { totalCount } }`);
      expect(withNull).toEqual(without);
      expect(without[list].totalCount).toBeGreaterThan(0);
    }
    for (const list of ['tasks', 'processInstances']) {
      expect(await t.ok(`{ ${list}(filter: null) { id } }`)).toEqual(await t.ok(`{ ${list} { id } }`));
    }
    expect(await t.ok(TICKETS, { filter: null, after: null })).toEqual(await t.ok(TICKETS, {}));
  });

  test('When text is longer than its limit, then BAD_USER_INPUT names the field, and text at the limit is taken', async () => {
    const over = (limit: number) => '长'.repeat(limit + 1);
    await refusedWithoutWrites([
      [OPEN, openInput({ title: over(TEXT_LIMITS.title) }), 'BAD_USER_INPUT', 'title'],
      [OPEN, openInput({ description: over(TEXT_LIMITS.text) }), 'BAD_USER_INPUT', 'description'],
      [OPEN, openInput({ idempotencyKey: over(TEXT_LIMITS.key) }), 'BAD_USER_INPUT', 'idempotencyKey'],
      [CREATE_CUSTOMER, customerInput({ name: over(TEXT_LIMITS.name) }), 'BAD_USER_INPUT', 'name'],
      [CREATE_CUSTOMER, customerInput({ industry: over(TEXT_LIMITS.shortName) }), 'BAD_USER_INPUT', 'industry'],
      [
        ADD_CONTACT,
        { input: { customerId: world.customer.id, name: '张工', email: `${'a'.repeat(250)}@x.cn` } },
        'BAD_USER_INPUT',
        'email',
      ],
      [NOTE, { id: ticketId, note: over(TEXT_LIMITS.text) }, 'BAD_USER_INPUT', 'note'],
      // The note that once went in at 1.9 MB.
      [NOTE, { id: ticketId, note: 'x'.repeat(1_900_000) }, 'BAD_USER_INPUT', 'note'],
      [TRANSITION, { input: { id: ticketId, to: 'inProgress', note: over(TEXT_LIMITS.text) } }, 'BAD_USER_INPUT', 'note'],
      [ARCHIVE_CUSTOMER, { id: world.customer.id, reason: over(TEXT_LIMITS.text) }, 'BAD_USER_INPUT', 'reason'],
      [REPORT, { input: { ticketId, kind: 'FAULT', title: '阶段报告', content: over(TEXT_LIMITS.report) } }, 'BAD_USER_INPUT', 'content'],
      [TICKETS, { filter: { search: over(TEXT_LIMITS.search) } }, 'BAD_USER_INPUT', 'search'],
      [
        'mutation($bk: String!) { startProcess(key: "fault-handling", businessKey: $bk) { id } }',
        { bk: over(TEXT_LIMITS.key) },
        'BAD_USER_INPUT',
        'businessKey',
      ],
      [
        'mutation($n: String!) { correlateMessage(name: $n, businessKey: "x") { id } }',
        { n: over(TEXT_LIMITS.key) },
        'BAD_USER_INPUT',
        'name',
      ],
      [
        'mutation($r: String!) { cancelProcessInstance(id: "00000000-0000-0000-0000-000000000000", reason: $r) { id } }',
        { r: over(TEXT_LIMITS.text) },
        'BAD_USER_INPUT',
        'reason',
      ],
    ]);
    const atLimit = await t.ok<{ addTicketNote: { id: string } }>(NOTE, { id: ticketId, note: '长'.repeat(TEXT_LIMITS.text) });
    expect(atLimit.addTicketNote.id).toBe(ticketId);
  });

  test('When an idempotency key is replayed with a different payload, then CONFLICT names the key and nothing more is created', async () => {
    const first = await t.ok<{ openTicket: { id: string } }>(OPEN, openInput({ title: '第一次', idempotencyKey: 'replayed-key' }));
    const before = await rowCounts(t);
    const replayed = await t.gql(OPEN, openInput({ title: '另一件事', idempotencyKey: 'replayed-key' }));
    expectRefused(replayed, 'CONFLICT', 'idempotencyKey');
    expect(replayed.errors?.[0].extensions?.idempotencyKey).toBe('replayed-key');
    expect(replayed.errors?.[0].message).toContain('replayed-key');
    expect(await rowCounts(t)).toEqual(before);
    const retried = await t.ok<{ openTicket: { id: string } }>(OPEN, openInput({ title: '第一次', idempotencyKey: 'replayed-key' }));
    expect(retried.openTicket.id).toBe(first.openTicket.id);
  });
});

describe('When the database refuses connections', () => {
  test('When PostgreSQL refuses connections after boot, then reads and writes answer SERVICE_UNAVAILABLE and nothing is written', async () => {
    const db = await createTestDatabase();
    const proxy = await startTcpProxy();
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const t = await startTestHub({ database: db, config: { databaseUrl: url.toString() } });
    try {
      await t.ok('{ departments { code } }');
      // Nothing listens on the port any more: every new connection is refused (ECONNREFUSED).
      await proxy.close();
      for (const query of [
        '{ departments { code } }',
        '{ tickets { totalCount } }',
        'mutation { createDepartment(input: {code: "REFUSED", name: "拒绝"}) { code } }',
      ]) {
        expectRefused(await t.gql(query), 'SERVICE_UNAVAILABLE');
      }
      const direct = new Client({ connectionString: db.url });
      await direct.connect();
      try {
        expect((await direct.query("select 1 from department where code = 'REFUSED'")).rowCount).toBe(0);
      } finally {
        await direct.end();
      }
    } finally {
      await t.stop();
      await db.drop();
    }
  });

  test('When PostgreSQL accepts connections but never answers, then the request gives up at the pool timeout with SERVICE_UNAVAILABLE', async () => {
    const db = await createTestDatabase();
    const proxy = await startTcpProxy();
    const url = new URL(db.url);
    url.port = String(proxy.port);
    const t = await startTestHub({ database: db, config: { databaseUrl: url.toString() } });
    // A server that takes the connection and says nothing: the pool's acquire timeout is what ends the wait.
    const silent = new Set<net.Socket>();
    const blackhole = net.createServer((socket) => {
      silent.add(socket);
      socket.on('error', () => socket.destroy());
    });
    try {
      await t.ok('{ departments { code } }');
      await proxy.close();
      await new Promise<void>((resolve) => blackhole.listen(proxy.port, '127.0.0.1', resolve));
      expectRefused(await t.gql('{ departments { code } }'), 'SERVICE_UNAVAILABLE');
    } finally {
      for (const socket of silent) socket.destroy();
      await new Promise<void>((resolve) => blackhole.close(() => resolve()));
      await t.stop();
      await db.drop();
    }
  }, 60_000);
});

describe('Errors in production name nothing of the schema as suggestions', () => {
  const PRODUCTION_SECRET = 'a-production-secret-for-this-test';
  let production: TestHub;
  let development: TestHub;
  beforeAll(async () => {
    production = await startTestHub({ config: { production: true, jwtSecret: PRODUCTION_SECRET } });
    development = await startTestHub();
  });
  afterAll(async () => {
    await production.stop();
    await development.stop();
  });

  const typos = [
    { query: '{ tickets(orderBy: {field: CREATD_AT}) { totalCount } }' },
    { query: 'query($o: TicketOrder) { tickets(orderBy: $o) { totalCount } }', variables: { o: { field: 'CREATD_AT' } } },
    {
      query: 'mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }',
      variables: { i: { kind: 'FALT', channel: 'PHONE', title: 'x', customerId: UNKNOWN_ID } },
    },
    { query: '{ tickets(fitler: {}) { totalCount } }' },
    { query: 'query($f: TicketFiltr) { tickets(filter: $f) { totalCount } }' },
    { query: '{ departmnts { id } }' },
  ];

  test.each(
    TRANSPORTS,
  )('When a query misspells an enum value, argument, type or field over %s, then the production answer has no "Did you mean"', async (transport) => {
    const send = transport === 'http' ? overHttp : overWs;
    const token = await tokenFor('admin', PRODUCTION_SECRET);
    for (const request of typos) {
      const answer = await send(production, request, { token });
      expect(answer.errors?.length).toBeGreaterThan(0);
      for (const error of answer.errors ?? []) {
        expect(error.message).not.toMatch(/did you mean/i);
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }
    // The development hub still helps: the same requests there do suggest.
    for (const request of typos.slice(0, 5)) {
      const answer = await send(development, request);
      expect(answer.errors?.map((e) => e.message).join(' ')).toMatch(/did you mean/i);
    }
  });
});
