import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';
import { at, type CheckStaff, checkSteps, makeCheckWorld, REQUEST, requestOf } from './resource-check-world';

const PAGE = `query($first: Int!) { tickets(first: $first, filter: { kinds: [RESOURCE_CHECK] }) { edges { node {
  id number resourceCheck { scope sites overRule resources { name checkedOnTime } quotes { part round findings } answer { resourcesSufficient } }
} } } }`;

/** Who may ask for a resource check, what a bad request gets, and what reading checks costs. */
describe('Resource check requests: refused for the wrong caller or a bad request, read without N+1', () => {
  let t: TestHub;
  let world: World;
  let staff: CheckStaff;
  let steps: ReturnType<typeof checkSteps>;

  beforeAll(async () => {
    t = await startTestHub();
    ({ world, staff } = await makeCheckWorld(t));
    steps = checkSteps(t);
    t.clock.set(at('2026-04-01T10:00:00'));
  });
  afterAll(() => t.stop());

  /** What the database holds of checks and tickets: a refused request must change neither. */
  const stored = async () => {
    const [row] = await t.hub.database.orm.em
      .fork()
      .execute<{ tickets: string; checks: string; resources: string }[]>(
        'select (select count(*) from ticket) as tickets, (select count(*) from resource_check) as checks, (select count(*) from checked_resource) as resources',
      );
    return row;
  };

  test.each(
    TRANSPORTS,
  )('When a customer token asks for a resource check over %s, then it is FORBIDDEN and nothing is stored', async (transport) => {
    const before = await stored();
    const answer = await over(transport, t, { query: REQUEST, variables: { input: requestOf(world) } }, { customerId: world.customer.id });
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    expect(await stored()).toEqual(before);
  });

  test.each(
    TRANSPORTS,
  )('When a contractor or an operations engineer asks for a resource check over %s, then it is FORBIDDEN', async (transport) => {
    for (const who of [staff.contractor, staff.ops]) {
      const answer = await over(transport, t, { query: REQUEST, variables: { input: requestOf(world) } }, who);
      expect({ who, codes: codesOf(answer) }).toEqual({ who, codes: ['FORBIDDEN'] });
    }
  });

  test('When a customer token reads its own resource-check ticket, then the check itself (quotes, investments) is FORBIDDEN to it', async () => {
    const opened = await steps.request(world.accountManager.code, requestOf(world));
    const answer = await t.gql(
      'query($id: ID!) { ticket(id: $id) { number resourceCheck { scope } } }',
      { id: opened.id },
      { customerId: world.customer.id },
    );
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    const own = await t.gql<{ ticket: { number: string } }>(
      'query($id: ID!) { ticket(id: $id) { number } }',
      { id: opened.id },
      { customerId: world.customer.id },
    );
    expect(own.data?.ticket.number).toBe(opened.number);
  });

  test.each([
    ['no resource', { resources: [] }, 'resources'],
    ['no site', { sites: [] }, 'sites'],
    ['a blank site', { sites: ['  '] }, 'sites'],
    ['the same site twice', { sites: ['机房', '机房'], resources: [{ kind: 'CIRCUIT', name: '专线' }] }, 'sites.1'],
    ['a resource for a site not in the request', { resources: [{ kind: 'CIRCUIT', name: '专线', site: '别处' }] }, 'resources.0.site'],
    ['a blank resource name', { resources: [{ kind: 'CIRCUIT', name: ' ' }] }, 'resources.0.name'],
    ['101 resources', { resources: Array.from({ length: 101 }, (_, i) => ({ kind: 'CIRCUIT', name: `专线 ${i}` })) }, 'resources'],
    ['a customer id that is no UUID', { customerId: 'JT-001' }, 'customerId'],
  ])('When a request has %s, then it is BAD_USER_INPUT naming the field and nothing is stored', async (_what, change, field) => {
    const before = await stored();
    const answer = await t.gql(REQUEST, { input: requestOf(world, change) }, world.accountManager.code);
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0].extensions?.field).toBe(field);
    expect(await stored()).toEqual(before);
  });

  test('When a RESOURCE_CHECK ticket is opened with plain openTicket, then intake refuses it, pointing to requestResourceCheck, and nothing is stored', async () => {
    const before = await stored();
    const answer = await t.gql(
      'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }',
      { input: { kind: 'RESOURCE_CHECK', channel: 'EMAIL', title: '资源核查', customerId: world.customer.id } },
      staff.kx,
    );
    expect(codesOf(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0].extensions?.field).toBe('kind');
    expect(answer.errors?.[0].message).toMatch(/requestResourceCheck/);
    expect(await stored()).toEqual(before);
  });

  test('When a request is sent again with its idempotency key, then the first ticket answers; the key with another request is CONFLICT', async () => {
    const input = requestOf(world, { idempotencyKey: `rc-${Date.now()}` });
    const first = await steps.request(world.accountManager.code, input);
    const before = await stored();
    const again = await steps.request(world.accountManager.code, input);
    expect(again.id).toBe(first.id);
    expect(await stored()).toEqual(before);
    const other = await t.gql(REQUEST, { input: { ...input, coverageAsked: true } }, world.accountManager.code);
    expect(codesOf(other)).toEqual(['CONFLICT']);
    expect(await stored()).toEqual(before);
  });

  test('When a page of resource-check tickets is read with their resources, quotes and answers, then it costs the same statements for 2 tickets as for 12', async () => {
    for (let i = 0; i < 12; i++) {
      const opened = await steps.request(world.accountManager.code, requestOf(world, { title: `资源核查 ${i}` }));
      if (i % 3 === 0) {
        await steps.completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: false });
        await steps.completeOk(opened.id, 'quoteNetworkEquipment', staff.proc, {
          networkEquipmentCostCny: 1000,
          networkPurchaseCycleDays: 2,
        });
        await steps.completeOk(opened.id, 'quoteNetworkBuild', staff.cons, {
          networkWorks: '引入光缆',
          networkInvestmentCny: 9000,
          networkNewDucts: false,
          networkTotalDays: 5,
        });
        await steps.completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '需新建' });
      }
    }
    let small: { tickets: { edges: unknown[] } } | undefined;
    let large: { tickets: { edges: { node: { resourceCheck: { resources: unknown[]; quotes: unknown[] } | null } }[] } } | undefined;
    const two = await t.countStatements(async () => {
      small = await t.ok(PAGE, { first: 2 });
    });
    const twelve = await t.countStatements(async () => {
      large = await t.ok(PAGE, { first: 12 });
    });
    expect(small?.tickets.edges).toHaveLength(2);
    expect(large?.tickets.edges).toHaveLength(12);
    for (const { node } of large?.tickets.edges ?? []) expect(node.resourceCheck?.resources).toHaveLength(2);
    expect(large?.tickets.edges.filter(({ node }) => node.resourceCheck?.quotes.length === 1).length).toBeGreaterThan(0);
    if (twelve.count !== two.count) console.log(twelve.statements.join('\n'));
    expect(twelve.count).toBe(two.count);
  });
});
