import type { Client } from 'graphql-ws';
import { eventually, sampleValue, scrape } from '../operations/metrics-support';
import { makeWorld, type World } from '../support/fixtures';
import { type Identity, startTestHub, type TestHub } from '../support/hub';
import { type SubscriptionProbe, subscribe, subscribeResults, wsClient } from '../support/subscriptions';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
// history is read per execution (a loader of the execution's own context), so its SQL counts executions.
const WITH_HISTORY = 'subscription { ticketChanged { change ticket { id history(last: 1) { action } } } }';
const TICKETS = 'subscription { ticketChanged { change ticket { id title customer { id } } } }';
const FILTERED = `subscription($filter: TicketSubscriptionFilter) { ticketChanged(filter: $filter) { change ticket { id } } }`;

type Notice = { ticketChanged: { change: string; ticket: { id: string; title?: string; customer?: { id: string } } } };

describe('Subscribers of one operation, variables and scope share one execution per event', () => {
  let t: TestHub;
  let world: World;
  let other: World;
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    world = await makeWorld(t);
    other = await makeWorld(t);
  });
  afterEach(async () => {
    // Each test leaves no group behind (even when it failed), so the next one counts only its own.
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await eventually(async () => (await metric('kexiang_subscription_groups')) === 0);
  });
  afterAll(async () => {
    await t.stop();
  });

  const metric = async (name: string, labels: Record<string, string> = {}) => sampleValue(await scrape(t), name, labels) ?? 0;
  const executions = () => metric('kexiang_subscription_executions_total', { field: 'ticketChanged' });
  const deliveries = () => metric('kexiang_subscription_deliveries_total', { field: 'ticketChanged' });
  const client = (as: Identity = 'admin') => {
    const c = wsClient(t.url, as);
    clients.push(c);
    return c;
  };
  const open = (w: World, title: string) =>
    t.ok<{ openTicket: { id: string } }>(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title, customerId: w.customer.id } });
  const closeAll = (probes: SubscriptionProbe<unknown>[]) => Promise.all(probes.map((p) => p.close()));

  test('When five subscribers share an operation, then every event reaches all five and runs once, with the SQL of one subscriber', async () => {
    const first = await subscribe<Notice>(client(), WITH_HISTORY);
    const alone = await t.countStatements(async () => {
      const { openTicket } = await open(world, '一个订阅者');
      expect((await first.next()).ticketChanged.ticket.id).toBe(openTicket.id);
    });
    const probes = [first, ...(await Promise.all(Array.from({ length: 4 }, () => subscribe<Notice>(client(), WITH_HISTORY))))];
    expect(await metric('kexiang_subscription_groups')).toBe(1);
    for (let event = 0; event < 3; event++) {
      const [ran, sent] = [await executions(), await deliveries()];
      const shared = await t.countStatements(async () => {
        const { openTicket } = await open(world, `五个订阅者 ${event}`);
        for (const notice of await Promise.all(probes.map((p) => p.next()))) {
          expect(notice.ticketChanged).toMatchObject({ change: 'OPENED', ticket: { id: openTicket.id, history: [{ action: 'CREATED' }] } });
        }
      });
      expect({ executions: (await executions()) - ran, deliveries: (await deliveries()) - sent }).toEqual({ executions: 1, deliveries: 5 });
      expect(shared.count).toBe(alone.count);
    }
    await closeAll(probes);
  });

  test('When subscribers differ only in their variables, then they do not share', async () => {
    const byCustomer = await subscribe<Notice>(client(), FILTERED, { filter: { customerId: world.customer.id } });
    const byStatus = await subscribe<Notice>(client(), FILTERED, { filter: { statuses: ['acknowledged'] } });
    const sameAsFirst = await subscribe<Notice>(client(), FILTERED, { filter: { customerId: world.customer.id } });
    expect(await metric('kexiang_subscription_groups')).toBe(2);
    const ran = await executions();
    const { openTicket } = await open(world, '不同变量');
    for (const probe of [byCustomer, byStatus, sameAsFirst]) expect((await probe.next()).ticketChanged.ticket.id).toBe(openTicket.id);
    expect((await executions()) - ran).toBe(2);
    await closeAll([byCustomer, byStatus, sameAsFirst]);
  });

  test('When one member completes, then the others keep receiving, and the group ends with its last member', async () => {
    const probes = await Promise.all(Array.from({ length: 3 }, () => subscribe<Notice>(client(), TICKETS)));
    const openNow = () => metric('kexiang_subscriptions_open');
    expect(await openNow()).toBe(3);
    await probes[0].close();
    await eventually(async () => (await openNow()) === 2);
    const { openTicket } = await open(world, '留下的订阅者');
    for (const probe of probes.slice(1)) expect((await probe.next()).ticketChanged.ticket.id).toBe(openTicket.id);
    expect(await metric('kexiang_subscription_groups')).toBe(1);
    await closeAll(probes.slice(1));
    await eventually(async () => (await metric('kexiang_subscription_groups')) === 0);
    // No group left: an event now executes nothing.
    const ran = await executions();
    const late = await subscribe<Notice>(client(), FILTERED, { filter: { customerId: other.customer.id } });
    await open(world, '没人听');
    const { openTicket: theirs } = await open(other, '有人听');
    expect((await late.next()).ticketChanged.ticket.id).toBe(theirs.id);
    expect((await executions()) - ran).toBe(1);
    await late.close();
  });

  test("When a customer token and staff subscribe with the same document, then the customer sees only its own tickets, the staff everyone's", async () => {
    const staff = await subscribe<Notice>(client(), TICKETS);
    const mine = await subscribe<Notice>(client({ customerId: world.customer.id }), TICKETS);
    const theirs = await subscribe<Notice>(client({ customerId: other.customer.id }), TICKETS);
    // Three scopes, three groups: two customers never share either.
    expect(await metric('kexiang_subscription_groups')).toBe(3);
    for (let round = 0; round < 2; round++) {
      const forOther = await open(other, `别人的 ${round}`);
      const forMine = await open(world, `我的 ${round}`);
      expect((await staff.next()).ticketChanged.ticket.id).toBe(forOther.openTicket.id);
      expect((await staff.next()).ticketChanged.ticket.id).toBe(forMine.openTicket.id);
      // The other customer's ticket, published first, never reached this customer.
      expect((await mine.next()).ticketChanged.ticket).toMatchObject({ id: forMine.openTicket.id, customer: { id: world.customer.id } });
      expect((await theirs.next()).ticketChanged.ticket).toMatchObject({ id: forOther.openTicket.id, customer: { id: other.customer.id } });
    }
    await closeAll([staff, mine, theirs]);
  });

  test('When two members of staff ask for "my tasks" with the same document, then each has a group of their own', async () => {
    const mine = 'subscription { taskChanged(filter: { mine: true }) { change task { id } } }';
    const probes = [
      await subscribe(client('admin'), mine),
      await subscribe(client('admin'), mine),
      await subscribe(client(world.duty.code), mine),
    ];
    // "Mine" is whoever subscribed: the admin's two connections share, the duty officer's does not join them.
    expect(await metric('kexiang_subscription_groups')).toBe(2);
    await closeAll(probes);
  });

  test('When a customer copies a staff operation exactly, operation name, aliases and variables alike, then it joins no staff group', async () => {
    const document = `subscription Hidden { seen: ticketChanged { change ticket { id } } }
      subscription Everything($filter: TicketSubscriptionFilter) { all: ticketChanged(filter: $filter) { change t: ticket { id title } } }`;
    const variables = { filter: { statuses: ['acknowledged'] } };
    const staff = await subscribeResults<{ all: Notice['ticketChanged'] }>(client(), document, variables, 'Everything');
    const customer = await subscribeResults<{ all: Notice['ticketChanged'] }>(
      client({ customerId: world.customer.id }),
      document,
      variables,
      'Everything',
    );
    // The same text under the other operation name is another operation: a third group.
    const hidden = await subscribeResults<{ seen: Notice['ticketChanged'] }>(client(), document, variables, 'Hidden');
    expect(await metric('kexiang_subscription_groups')).toBe(3);
    const forOther = await open(other, '别人的');
    const forMine = await open(world, '我的');
    expect((await staff.next()).data?.all).toMatchObject({ t: { id: forOther.openTicket.id } });
    expect((await hidden.next()).data?.seen).toMatchObject({ ticket: { id: forOther.openTicket.id } });
    const seen = await customer.next();
    expect(seen).toEqual({ data: { all: { change: 'OPENED', t: { id: forMine.openTicket.id, title: '我的' } } } });
    await closeAll([staff, customer, hidden]);
  });
});
