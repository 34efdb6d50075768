import { SignJWT } from 'jose';
import { DEV_JWT_SECRET } from '../../src/config/config';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, overWs, TRANSPORTS } from '../support/transports';

const sign = (claims: Record<string, unknown>, subject: string, options: { exp?: boolean; secret?: string } = {}) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuedAt();
  if (options.exp !== false) jwt.setExpirationTime('1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEV_JWT_SECRET));
};

/** A ticket of `world`'s customer, opened by its duty officer. */
async function openTicket(t: TestHub, world: World): Promise<string> {
  const opened = await t.ok<{ openTicket: { id: string } }>(
    `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
    {
      input: {
        kind: 'FAULT',
        title: '专线中断',
        description: '客户报障',
        customerId: world.customer.id,
        circuitIds: [world.circuits[0].id],
        channel: 'PHONE',
        priority: 'HIGH',
      },
    },
    world.duty.code,
  );
  return opened.openTicket.id;
}

describe('A token reaches only what it may, by any transport and any operation name', () => {
  let t: TestHub;
  let mine: World;
  let theirs: World;
  let theirTicket: string;

  beforeAll(async () => {
    t = await startTestHub();
    mine = await makeWorld(t);
    theirs = await makeWorld(t);
    theirTicket = await openTicket(t, theirs);
    await openTicket(t, mine);
  });
  afterAll(() => t.stop());

  const notesOf = async (ticketId: string) =>
    (
      await t.ok<{ ticket: { history: { action: string }[] } }>('query($id: ID!) { ticket(id: $id) { history { action } } }', {
        id: ticketId,
      })
    ).ticket.history.filter((e) => e.action === 'NOTE_ADDED').length;

  test.each(
    TRANSPORTS,
  )('When a customer token picks a second operation by operationName over %s, then the operation that runs is the one checked', async (transport) => {
    const before = await notesOf(theirTicket);
    const answer = await over(
      transport,
      t,
      {
        query: `query A { __typename } mutation B($id: ID!) { addTicketNote(ticketId: $id, note: "x") { id } }`,
        variables: { id: theirTicket },
        operationName: 'B',
      },
      { customerId: mine.customer.id },
    );
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expect(await notesOf(theirTicket)).toBe(before);
    const users = await over(
      transport,
      t,
      { query: 'query A { __typename } query B { users { email phone } }', operationName: 'B' },
      {
        customerId: mine.customer.id,
      },
    );
    expect(codesOf(users)).toEqual(['FORBIDDEN']);
  });

  test.each(
    TRANSPORTS,
  )('When a customer token hides a staff field behind an alias, a fragment or nesting over %s, then it is still FORBIDDEN', async (transport) => {
    const as = { customerId: mine.customer.id };
    for (const query of [
      '{ mine: departments { code } }',
      '{ ...Root } fragment Root on Query { users { email } }',
      '{ ... on Query { processInstances { id } } }',
      '{ tickets(first: 1) { edges { node { id } } } other: tasks { id } }',
    ]) {
      const answer = await over(transport, t, { query }, as);
      expect({ query, codes: [...new Set(codesOf(answer))] }).toEqual({ query, codes: ['FORBIDDEN'] });
    }
  });

  test('When a customer token subscribes to process or task changes through a second operation, then it is refused', async () => {
    for (const field of ['processInstanceChanged { id }', 'taskChanged { change }']) {
      const answer = await overWs(
        t,
        { query: `query A { __typename } subscription B { ${field} }`, operationName: 'B' },
        { customerId: mine.customer.id },
        { awaitRefusal: true },
      );
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    }
  });

  test.each(
    TRANSPORTS,
  )('When a document holds two operations and names none over %s, then it is BAD_USER_INPUT, not a 5xx', async (transport) => {
    const answer = await over(transport, t, { query: 'query A { __typename } query B { __typename }' });
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    if (transport === 'http') expect(answer.status).toBe(400);
  });

  test.each(TRANSPORTS)('When a token names a user that does not exist over %s, then it is UNAUTHENTICATED', async (transport) => {
    const answer = await over(transport, t, { query: '{ users { code } }' }, 'nobody.here');
    if (transport === 'http') expect([answer.status, codesOf(answer)]).toEqual([401, ['UNAUTHENTICATED']]);
    else expect(answer.closed).toBe(4403);
  });

  test.each(TRANSPORTS)('When a user is deactivated, then their token is refused over %s from the next request on', async (transport) => {
    const created = await t.ok<{ createUser: { id: string; code: string; version: number } }>(
      'mutation($d: ID!, $code: String!) { createUser(input: {code: $code, name: "离职", departmentId: $d, roles: [RESPONSE_CENTER]}) { id code version } }',
      { d: mine.departments.KX, code: `leaver.${transport}` },
    );
    const { id, code, version } = created.createUser;
    expect(codesOf(await over(transport, t, { query: '{ departments { code } }' }, code))).toEqual([]);
    await t.ok('mutation($id: ID!, $v: Int!) { updateUser(input: {id: $id, version: $v, active: false}) { active } }', { id, v: version });
    const after = await over(transport, t, { query: '{ departments { code } }' }, code);
    if (transport === 'http') expect(codesOf(after)).toEqual(['UNAUTHENTICATED']);
    else expect(after.closed).toBe(4403);
  });

  test.each(
    TRANSPORTS,
  )('When a customer token carries an empty or unknown customerId over %s, then it is UNAUTHENTICATED, never unscoped', async (transport) => {
    for (const customerId of ['', '00000000-0000-0000-0000-000000000001', 'x']) {
      const token = await sign({ kind: 'customer', customerId }, 'customer:forged');
      const answer = await over(transport, t, { query: '{ tickets(first: 5) { totalCount } }' }, { token });
      if (transport === 'http') expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      else expect(answer.closed).toBe(4403);
    }
  });

  test.each(TRANSPORTS)("When a customer token filters for another customer's records over %s, then it gets none", async (transport) => {
    const as = { customerId: mine.customer.id };
    const tickets = await over(
      transport,
      t,
      { query: 'query($c: ID!) { tickets(first: 10, filter: { customerId: $c }) { totalCount } }', variables: { c: theirs.customer.id } },
      as,
    );
    expect(tickets.data).toEqual({ tickets: { totalCount: 0 } });
    const circuits = await over(
      transport,
      t,
      { query: 'query($c: ID!) { circuits(first: 10, filter: { customerId: $c }) { totalCount } }', variables: { c: theirs.customer.id } },
      as,
    );
    expect(circuits.data).toEqual({ circuits: { totalCount: 0 } });
    const own = await over(transport, t, { query: '{ tickets(first: 10) { totalCount } }' }, as);
    expect(own.data).toEqual({ tickets: { totalCount: 1 } });
  });

  test.each(TRANSPORTS)('When a customer token asks for departments over %s, then it is FORBIDDEN, not a 500', async (transport) => {
    const answer = await over(transport, t, { query: '{ departments { code } }' }, { customerId: mine.customer.id });
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expect(answer.status ?? 200).toBeLessThan(500);
  });

  test.each(
    TRANSPORTS,
  )('When a customer reads its ticket over %s, then staff contact details and internal notes stay hidden', async (transport) => {
    const ticketId = await openTicket(t, mine);
    await t.ok(
      'mutation($id: ID!) { addTicketNote(ticketId: $id, note: "内部：疑似光缆被挖断") { id } }',
      { id: ticketId },
      mine.duty.code,
    );
    await t.ok(
      'mutation($id: ID!) { addTicketNote(ticketId: $id, note: "已派人抢修，预计两小时恢复", visibleToCustomer: true) { id } }',
      { id: ticketId },
      mine.duty.code,
    );
    const query = `query($id: ID!) { ticket(id: $id) { customer { accountManager { name email phone } } history { action note actor { email phone } } } }`;
    const seen = await over(transport, t, { query, variables: { id: ticketId } }, { customerId: mine.customer.id });
    const ticket = (
      seen.data as {
        ticket: {
          customer: { accountManager: Record<string, unknown> };
          history: { action: string; note: string | null; actor: Record<string, unknown> | null }[];
        };
      }
    ).ticket;
    expect(ticket.customer.accountManager).toEqual({ name: '王经理', email: null, phone: null });
    expect(ticket.history.map((e) => e.note).filter(Boolean)).toEqual(['已派人抢修，预计两小时恢复']);
    expect(ticket.history.every((e) => e.actor === null || (e.actor.email === null && e.actor.phone === null))).toBe(true);
    const staff = await over(transport, t, { query, variables: { id: ticketId } }, mine.duty.code);
    const notes = (staff.data as { ticket: { history: { note: string | null }[] } }).ticket.history.map((e) => e.note).filter(Boolean);
    expect(notes).toHaveLength(2);
  });

  test.each(
    TRANSPORTS,
  )("When a customer token reaches for its ticket's procedure over %s, then that field is FORBIDDEN and the rest is served", async (transport) => {
    const ticketId = await openTicket(t, mine);
    const answer = await over(
      transport,
      t,
      { query: 'query($id: ID!) { ticket(id: $id) { id procedure { id variables } } }', variables: { id: ticketId } },
      {
        customerId: mine.customer.id,
      },
    );
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expect(answer.data).toEqual({ ticket: { id: ticketId, procedure: null } });
  });

  test('When a contractor asks for every task or subscribes to all of them, then it gets only its own work', async () => {
    await t.ok(
      'mutation($d: ID!) { createUser(input: {code: "scope.contractor", name: "外包", departmentId: $d, roles: [CONTRACTOR]}) { id } }',
      {
        d: mine.departments.MAINT ?? mine.departments.OPS,
      },
    );
    await t.ok(
      'mutation($d: ID!) { createUser(input: {code: "scope.duty", name: "值班", departmentId: $d, roles: [RESPONSE_CENTER]}) { id } }',
      {
        d: mine.departments.KX,
      },
    );
    await t.ok('mutation { startProcess(key: "fault-handling", businessKey: "SCOPE-1") { id } }');
    const asDuty = await t.ok<{ tasks: { id: string; candidateDepartment: string | null }[] }>(
      '{ tasks { id candidateDepartment } }',
      {},
      'scope.duty',
    );
    expect(asDuty.tasks.length).toBeGreaterThan(0);
    const foreign = asDuty.tasks[0].id;
    const asContractor = await t.ok<{ tasks: { id: string }[]; task: { id: string } | null }>(
      'query($id: ID!) { tasks { id } task(id: $id) { id } }',
      { id: foreign },
      'scope.contractor',
    );
    expect(asContractor).toEqual({ tasks: [], task: null });
  });
});
