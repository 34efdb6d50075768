import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number version } }`;
const TRANSITION = 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { status version } }';

describe('Tickets, customers and circuits by the numbers people quote; finished tickets stay finished', () => {
  let t: TestHub;
  let mine: World;
  let theirs: World;
  let ticket: { id: string; number: string; version: number };

  beforeAll(async () => {
    // Tickets moved by hand: no procedure here.
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    mine = await makeWorld(t, { circuitCount: 1 });
    theirs = await makeWorld(t, { circuitCount: 1 });
    ticket = (
      await t.ok<{ openTicket: { id: string; number: string; version: number } }>(
        OPEN,
        { input: { kind: 'CONSULTATION', channel: 'PHONE', title: '咨询带宽', customerId: mine.customer.id } },
        mine.duty.code,
      )
    ).openTicket;
  });
  afterAll(() => t.stop());

  const codes = async () => {
    const { customer } = await t.ok<{ customer: { code: string; circuits: { code: string }[] } }>(
      'query($id: ID!) { customer(id: $id) { code circuits { code } } }',
      {
        id: mine.customer.id,
      },
    );
    return { customer: customer.code, circuit: customer.circuits[0].code };
  };

  test.each(
    TRANSPORTS,
  )('When staff look up by ticket number, customer code or circuit code over %s, then they get the record', async (transport) => {
    const { customer, circuit } = await codes();
    const answer = await over(transport, t, {
      query:
        'query($n: String!, $c: String!, $k: String!) { ticket(number: $n) { id } customer(code: $c) { id } circuit(code: $k) { id } }',
      variables: { n: ticket.number, c: customer, k: circuit },
    });
    expect(answer.data).toEqual({ ticket: { id: ticket.id }, customer: { id: mine.customer.id }, circuit: { id: mine.circuits[0].id } });
  });

  test.each(
    TRANSPORTS,
  )("When a customer token looks up another customer's numbers over %s, then it finds nothing; its own it finds", async (transport) => {
    const { customer, circuit } = await codes();
    const query =
      'query($n: String!, $c: String!, $k: String!) { ticket(number: $n) { id } customer(code: $c) { id } circuit(code: $k) { id } }';
    const other = await over(
      transport,
      t,
      { query, variables: { n: ticket.number, c: customer, k: circuit } },
      { customerId: theirs.customer.id },
    );
    expect(other.data).toEqual({ ticket: null, customer: null, circuit: null });
    const own = await over(
      transport,
      t,
      { query, variables: { n: ticket.number, c: customer, k: circuit } },
      { customerId: mine.customer.id },
    );
    expect(own.data).toEqual({ ticket: { id: ticket.id }, customer: { id: mine.customer.id }, circuit: { id: mine.circuits[0].id } });
  });

  test('When a lookup names both keys or neither, then it is BAD_USER_INPUT', async () => {
    expect(codesOf(await t.gql('{ ticket { id } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await t.gql('query($id: ID!) { ticket(id: $id, number: "KX-2026-000001") { id } }', { id: ticket.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codesOf(await t.gql('{ customer(code: "x\\u0000") { id } }'))).toEqual(['BAD_USER_INPUT']);
  });

  test('When a ticket is rejected without a reason, then it is refused; with one it is rejected, and then it cannot be edited', async () => {
    const opened = (
      await t.ok<{ openTicket: { id: string } }>(
        OPEN,
        { input: { kind: 'CONSULTATION', channel: 'PHONE', title: '重复来电', customerId: mine.customer.id } },
        mine.duty.code,
      )
    ).openTicket;
    const noReason = await t.gql(TRANSITION, { input: { id: opened.id, to: 'rejected' } }, mine.duty.code);
    expect(codesOf(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0].extensions?.field).toBe('note');
    const rejected = await t.ok<{ transitionTicket: { status: string; version: number } }>(
      TRANSITION,
      { input: { id: opened.id, to: 'rejected', note: '与 KX-2026-000001 重复' } },
      mine.duty.code,
    );
    expect(rejected.transitionTicket.status).toBe('rejected');
    const edit = await t.gql(
      'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }',
      { input: { id: opened.id, version: rejected.transitionTicket.version, title: '改标题' } },
      mine.duty.code,
    );
    expect(codesOf(edit)).toEqual(['CONFLICT']);
  });
});
