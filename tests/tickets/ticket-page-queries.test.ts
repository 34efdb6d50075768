import { makeWorld } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

/** The dashboard's ticket page: customer, account manager, circuits, assignee and the last 5 events. */
const TICKET_PAGE = `query($first: Int!, $after: String) {
  tickets(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id number title status priority resolutionDueAt overdue
      customer { id name serviceLevel accountManager { id name } }
      circuits { id code bandwidthMbps }
      assignee { id name }
      history(last: 5) { at action note actor { name } changes { field from to } }
    } }
  }
}`;

describe('A page of tickets costs a constant number of SQL statements', () => {
  let t: TestHub;

  beforeAll(async () => {
    // The TMF621 state machine itself, moved by hand: no ticket here starts a procedure.
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    // Several customers, account managers and assignees, so every relation really varies per row.
    const worlds = [];
    for (let i = 0; i < 4; i++) worlds.push(await makeWorld(t, { circuitCount: 2 }));
    for (let i = 0; i < 110; i++) {
      const w = worlds[i % worlds.length];
      const opened = await t.ok<{ openTicket: { id: string } }>(
        `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
        {
          input: {
            kind: 'FAULT',
            channel: 'PHONE',
            title: `故障 ${i}`,
            customerId: w.customer.id,
            circuitIds: w.circuits.map((c) => c.id),
            assigneeId: w.duty.id,
          },
        },
        w.duty.code,
      );
      for (const to of i % 2 ? ['inProgress', 'pending', 'inProgress', 'resolved', 'closed'] : ['inProgress']) {
        await t.ok(
          `mutation($id: ID!, $to: TicketStatus!) { transitionTicket(input: {id: $id, to: $to}) { id } }`,
          { id: opened.openTicket.id, to },
          w.duty.code,
        );
      }
      t.clock.advance(60_000);
    }
  }, 180_000);
  afterAll(() => t.stop());

  test.each([10, 100])('When %i tickets are read with all their relations, then at most 6 statements run', async (first) => {
    let data:
      | { tickets: { edges: { node: { history: unknown[]; circuits: unknown[]; customer: { accountManager: unknown } } }[] } }
      | undefined;
    const { count, statements } = await t.countStatements(async () => {
      data = await t.ok(TICKET_PAGE, { first });
    });
    expect(data?.tickets.edges).toHaveLength(first);
    for (const { node } of data?.tickets.edges ?? []) {
      expect(node.history.length).toBeGreaterThan(1);
      expect(node.history.length).toBeLessThanOrEqual(5);
      expect(node.circuits).toHaveLength(2);
      expect(node.customer.accountManager).not.toBeNull();
    }
    if (count > 6) console.log(statements.join('\n'));
    expect(count).toBeLessThanOrEqual(6);
  });

  test('When the second page is read, then it costs what the first cost', async () => {
    const first = await t.countStatements(() => t.ok(TICKET_PAGE, { first: 50 }));
    const page1 = await t.ok<{ tickets: { pageInfo: { endCursor: string } } }>(TICKET_PAGE, { first: 50 });
    const second = await t.countStatements(() => t.ok(TICKET_PAGE, { first: 50, after: page1.tickets.pageInfo.endCursor }));
    expect(second.count).toBe(first.count);
  });
});
