import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number } }`;
const COUNT = `query($c: ID!) { tickets(filter: {customerId: $c}) { totalCount } }`;

describe('Retrying a create with an idempotency key', () => {
  let t: TestHub;
  let world: World;
  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 0 });
  });
  afterAll(() => t.stop());

  const input = (key: string) => ({
    kind: 'COMPLAINT',
    channel: 'PHONE',
    title: '装机延误',
    customerId: world.customer.id,
    // Complaints are graded by their facts at intake (complaint handling).
    complaint: { matter: '装机延误', affectedSites: 1, safetyRisk: false, publicExposureRisk: false, massIncident: false },
    idempotencyKey: key,
  });
  const count = async () => (await t.ok<{ tickets: { totalCount: number } }>(COUNT, { c: world.customer.id })).tickets.totalCount;

  test('When the same openTicket is sent twice, then the second gets the first ticket and nothing is created twice', async () => {
    const before = await count();
    const first = await t.ok<{ openTicket: { id: string; number: string } }>(OPEN, { input: input('retry-1') }, world.duty.code);
    const again = await t.ok<{ openTicket: { id: string; number: string } }>(OPEN, { input: input('retry-1') }, world.duty.code);
    expect(again.openTicket).toEqual(first.openTicket);
    expect(await count()).toBe(before + 1);
  });

  test('When ten retries race, then exactly one ticket is created and all get it', async () => {
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.ok<{ openTicket: { id: string } }>(OPEN, { input: input('race-1') }, world.duty.code)),
    );
    expect(new Set(results.map((r) => r.openTicket.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  test('When a key is reused by another user or for another operation, then it is a different request', async () => {
    const mine = await t.ok<{ openTicket: { id: string } }>(OPEN, { input: input('shared-key') }, world.duty.code);
    const theirs = await t.ok<{ openTicket: { id: string } }>(OPEN, { input: input('shared-key') }, world.accountManager.code);
    expect(theirs.openTicket.id).not.toBe(mine.openTicket.id);
    const customer = await t.ok<{ createCustomer: { id: string } }>(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      {
        input: {
          code: 'JT-IDEM-1',
          name: '幂等',
          industry: 'retail',
          serviceLevel: 'BRONZE',
          accountManagerId: world.accountManager.id,
          idempotencyKey: 'shared-key',
        },
      },
      world.duty.code,
    );
    expect(customer.createCustomer.id).not.toBe(mine.openTicket.id);
  });

  test('When a retry spells out the defaults or sends null for what the first left out, then it is the same request', async () => {
    const before = await count();
    const first = await t.ok<{ openTicket: { id: string } }>(OPEN, { input: input('spelled-out') }, world.duty.code);
    const spelled = { ...input('spelled-out'), priority: 'MEDIUM', description: '', circuitIds: [], severity: null, assigneeId: null };
    const again = await t.ok<{ openTicket: { id: string } }>(OPEN, { input: spelled }, world.duty.code);
    expect(again.openTicket.id).toBe(first.openTicket.id);
    expect(await count()).toBe(before + 1);
    const changed = await t.gql(OPEN, { input: { ...input('spelled-out'), priority: 'HIGH' } }, world.duty.code);
    expect(changed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey', idempotencyKey: 'spelled-out' });
    expect(await count()).toBe(before + 1);
  });

  test('When the first attempt was refused, then a retry with the same key tries again', async () => {
    const refused = await t.gql(OPEN, { input: { ...input('fix-and-retry'), title: '' } }, world.duty.code);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fixed = await t.ok<{ openTicket: { id: string } }>(OPEN, { input: input('fix-and-retry') }, world.duty.code);
    expect(fixed.openTicket.id).toBeTruthy();
  });

  test('When a process is started again with the same key but other variables, then it is CONFLICT and starts nothing', async () => {
    const START =
      'mutation($v: JSONObject) { startProcess(key: "fault-handling", businessKey: "IDEM-P", variables: $v, idempotencyKey: "start-once") { id } }';
    const first = await t.ok<{ startProcess: { id: string } }>(START, { v: { impact: true } });
    const again = await t.ok<{ startProcess: { id: string } }>(START, { v: { impact: true } });
    expect(again.startProcess.id).toBe(first.startProcess.id);
    const other = await t.gql(START, { v: { impact: false } });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', idempotencyKey: 'start-once' });
    const { processInstances } = await t.ok<{ processInstances: { id: string }[] }>(
      '{ processInstances(filter: { businessKey: "IDEM-P" }) { id } }',
    );
    expect(processInstances).toHaveLength(1);
  });
});
