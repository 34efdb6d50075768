import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

type Edge = { cursor: string; node: { id: string; number: string; status: string } };
type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] };

const LIST = `query($first: Int!, $after: String, $filter: TicketFilter, $orderBy: TicketOrder) {
  tickets(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number status } }
  }
}`;

describe('Listing tickets: filters, ordering and keyset pagination', () => {
  let t: TestHub;
  let gold: World;
  let bronze: World;
  const opened: { id: string; world: World }[] = [];

  const open = async (w: World, kind: string, title: string) => {
    const res = await t.ok<{ openTicket: { id: string } }>(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      { input: { kind, channel: 'EMAIL', title, customerId: w.customer.id, assigneeId: w.duty.id } },
      w.duty.code,
    );
    opened.push({ id: res.openTicket.id, world: w });
    t.clock.advance(3600_000);
    return res.openTicket.id;
  };
  const list = (variables: Record<string, unknown>) => t.ok<{ tickets: Connection }>(LIST, { first: 100, ...variables });

  beforeAll(async () => {
    // Tickets moved by hand: their procedures have tests of their own.
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    gold = await makeWorld(t, { level: 'GOLD' });
    bronze = await makeWorld(t, { level: 'BRONZE' });
    for (let i = 0; i < 12; i++)
      await open(i % 3 ? gold : bronze, i % 2 ? 'FAULT' : 'CONSULTATION', i === 5 ? '光纤熔接 special' : `请求 ${i}`);
  });
  afterAll(() => t.stop());

  test('When all pages are walked with a small page size, then every ticket comes exactly once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { tickets }: { tickets: Connection } = await t.ok(LIST, { first: 5, after });
      expect(tickets.totalCount).toBe(12);
      seen.push(...tickets.edges.map((e) => e.node.id));
      after = tickets.pageInfo.hasNextPage ? tickets.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(opened.map((o) => o.id).reverse());
  });

  test('When ordered by number ascending, then numbers ascend', async () => {
    const { tickets } = await list({ orderBy: { field: 'NUMBER', direction: 'ASC' } });
    const numbers = tickets.edges.map((e) => e.node.number);
    expect(numbers).toEqual([...numbers].sort());
  });

  test('When filtered by kind, service level, customer, assignee or text, then only matching tickets come', async () => {
    expect((await list({ filter: { kinds: ['FAULT'] } })).tickets.totalCount).toBe(6);
    expect((await list({ filter: { serviceLevels: ['BRONZE'] } })).tickets.totalCount).toBe(4);
    expect((await list({ filter: { customerId: gold.customer.id } })).tickets.totalCount).toBe(8);
    expect((await list({ filter: { assigneeId: bronze.duty.id } })).tickets.totalCount).toBe(4);
    const text = await list({ filter: { search: '熔接 SPECIAL' } });
    expect(text.tickets.edges.map((e) => e.node.id)).toEqual([opened[5].id]);
    expect((await list({ filter: { search: '100%' } })).tickets.totalCount).toBe(0);
  });

  test('When filtered by creation range, then the range is half-open [from, to)', async () => {
    const from = new Date('2026-03-02T01:00:00.000Z').toISOString();
    const to = new Date('2026-03-02T04:00:00.000Z').toISOString();
    const { tickets } = await list({ filter: { createdIn: { from, to } } });
    expect(tickets.edges.map((e) => e.node.id)).toEqual(
      opened
        .slice(0, 3)
        .map((o) => o.id)
        .reverse(),
    );
  });

  test('When time passes the resolution deadlines, then open tickets show as overdue and resolved ones do not', async () => {
    // Faults (4 h round the clock) opened early are already late; consultations are not yet.
    const all = await t.ok<{ tickets: { edges: { node: { id: string; resolutionDueAt: string; overdue: boolean } }[] } }>(
      '{ tickets(first: 100) { edges { node { id resolutionDueAt overdue } } } }',
    );
    const late = all.tickets.edges.filter((e) => new Date(e.node.resolutionDueAt) < t.clock.now()).map((e) => e.node.id);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(12);
    expect(all.tickets.edges.filter((e) => e.node.overdue).map((e) => e.node.id)).toEqual(late);
    expect((await list({ filter: { overdue: true } })).tickets.edges.map((e) => e.node.id)).toEqual(late);
    const done = opened[0].id;
    for (const to of ['inProgress', 'resolved']) {
      await t.ok(`mutation($id: ID!, $to: TicketStatus!) { transitionTicket(input: {id: $id, to: $to}) { id } }`, { id: done, to });
    }
    t.clock.advance(60 * 24 * 3600_000);
    const overdue = await list({ filter: { overdue: true } });
    expect(overdue.tickets.totalCount).toBe(11);
    expect(overdue.tickets.edges.map((e) => e.node.id)).not.toContain(done);
    expect((await list({ filter: { overdue: false } })).tickets.totalCount).toBe(1);
  });

  test('When a page larger than 100 or a forged cursor is asked for, then BAD_USER_INPUT says what is wrong', async () => {
    const big = await t.gql(LIST, { first: 101 });
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0].message).toContain('first');
    const badId = await t.gql(LIST, { first: 5, filter: { customerId: 'customer-1' } });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    const forged = await t.gql(LIST, { first: 5, after: 'not-a-cursor' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
