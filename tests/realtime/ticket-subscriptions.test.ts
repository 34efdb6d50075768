import type { Client } from 'graphql-ws';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { subscribe, wsClient } from '../support/subscriptions';

const TICKET_CHANGED = `subscription($filter: TicketSubscriptionFilter) {
  ticketChanged(filter: $filter) { change ticket { id number status title customer { id name } } }
}`;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const TRANSITION = `mutation($id: ID!, $to: TicketStatus!) { transitionTicket(input: {id: $id, to: $to}) { id } }`;

type Notice = { ticketChanged: { change: string; ticket: { id: string; status: string; title: string; customer: { id: string } } } };

describe('Live ticket changes over graphql-ws', () => {
  let a: TestHub;
  let b: TestHub;
  let world: World;
  let other: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    // Tickets moved by hand here: no ticket starts a procedure (their procedures have tests of their own).
    a = await startTestHub({ config: { ticketProcedures: 'none' } });
    b = await startTestHub({ database: a.db, clock: a.clock, config: { ticketProcedures: 'none' } });
    world = await makeWorld(a);
    other = await makeWorld(a);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await b.stop();
    await a.stop();
  });

  const client = (hub: TestHub) => {
    const c = wsClient(hub.url, world.duty.code);
    clients.push(c);
    return c;
  };
  const open = (hub: TestHub, w: World, title: string) =>
    hub.ok<{ openTicket: { id: string } }>(
      OPEN,
      { input: { kind: 'FAULT', channel: 'PHONE', title, customerId: w.customer.id } },
      w.duty.code,
    );

  test('When a ticket is opened, then a subscriber gets the ticket itself and need not query again', async () => {
    const probe = await subscribe<Notice>(client(a), TICKET_CHANGED);
    const { openTicket } = await open(a, world, '光缆中断');
    const notice = await probe.next();
    expect(notice.ticketChanged).toMatchObject({
      change: 'OPENED',
      ticket: { id: openTicket.id, status: 'acknowledged', title: '光缆中断', customer: { id: world.customer.id } },
    });
    await probe.close();
  });

  test('When subscribed for one customer, then changes of other customers do not arrive', async () => {
    const probe = await subscribe<Notice>(client(a), TICKET_CHANGED, { filter: { customerId: world.customer.id } });
    await open(a, other, '别人的工单');
    const mine = await open(a, world, '我的工单');
    const notice = await probe.next();
    expect(notice.ticketChanged.ticket.id).toBe(mine.openTicket.id);
    await probe.close();
  });

  test('When a change is refused, then nothing is announced: the next notice is the next committed change', async () => {
    const { openTicket } = await open(a, world, '状态机');
    const probe = await subscribe<Notice>(client(a), TICKET_CHANGED, { filter: { customerId: world.customer.id } });
    const refused = await a.gql(TRANSITION, { id: openTicket.id, to: 'closed' });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await a.ok(TRANSITION, { id: openTicket.id, to: 'inProgress' });
    const notice = await probe.next();
    expect(notice.ticketChanged).toMatchObject({ change: 'TRANSITIONED', ticket: { id: openTicket.id, status: 'inProgress' } });
    await probe.close();
  });

  test('When a ticket changes through one hub, then subscribers of another hub on the same database hear of it', async () => {
    const probe = await subscribe<Notice>(client(b), TICKET_CHANGED, { filter: { statuses: ['acknowledged'] } });
    const { openTicket } = await open(a, world, '跨节点');
    const notice = await probe.next();
    expect(notice.ticketChanged.ticket).toMatchObject({ id: openTicket.id, title: '跨节点' });
    await probe.close();
  });

  test('When the same ticket changes twice, then the second notice shows its new state, not a cached one', async () => {
    const { openTicket } = await open(a, world, '缓存');
    const probe = await subscribe<Notice>(client(a), TICKET_CHANGED, { filter: { customerId: world.customer.id } });
    await a.ok(TRANSITION, { id: openTicket.id, to: 'inProgress' });
    expect((await probe.next()).ticketChanged.ticket.status).toBe('inProgress');
    await a.ok(TRANSITION, { id: openTicket.id, to: 'pending' });
    expect((await probe.next()).ticketChanged.ticket.status).toBe('pending');
    await probe.close();
  });
});
