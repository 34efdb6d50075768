import { inTransaction } from '../../src/db/unit-of-work';
import { DispatchLevel, ProvisioningPurpose } from '../../src/procedures/circuit-provisioning/provisioning.enums';
import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';
import { CLOSE, cst, DISPATCH, makeCircuit, makeCustomer, makeStaff, orders, type Staff } from './circuit-provisioning.helpers';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`;
const COUNT = `{ tickets(first: 1, filter: { kinds: [CIRCUIT_DISPATCH] }) { totalCount } }`;
const STATUS = `query($id: ID!) { circuit(id: $id) { status } }`;

describe('Dispatch orders: what is refused at intake, and who may enter one', () => {
  let t: TestHub;
  let world: World;
  let other: World;
  let staff: Staff;
  let o: ReturnType<typeof orders>;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeCustomer(t);
    other = await makeCustomer(t);
    staff = await makeStaff(t, world);
    o = orders(t);
  });
  afterAll(() => t.stop());

  const count = async () => (await t.ok<{ tickets: { totalCount: number } }>(COUNT)).tickets.totalCount;
  const refusal = (answer: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => ({
    codes: codesOf(answer),
    field: answer.errors?.[0]?.extensions?.field,
  });

  test('When an order is wrong, then it is refused naming the field, and nothing is stored', async () => {
    t.clock.set(cst('2026-03-02T09:00:00'));
    const designed = await makeCircuit(t, world);
    const active = await makeCircuit(t, world, { status: 'active' });
    const gprs = await makeCircuit(t, world, { serviceType: 'GPRS_VPN' });
    const foreign = await makeCircuit(t, other, { customerId: other.customer.id });
    const busy = await makeCircuit(t, world);
    await o.dispatch({ customerId: world.customer.id, circuitIds: [busy.id], level: 'BRANCH' }, staff.ops);
    const before = await count();
    const order = (input: Record<string, unknown>) => ({
      customerId: world.customer.id,
      level: 'PROVINCE',
      circuitIds: [designed.id],
      ...input,
    });
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['a circuit already active', DISPATCH, order({ circuitIds: [active.id] }), 'circuitIds'],
      ['GPRS-VPN mixed with a data line', DISPATCH, order({ circuitIds: [designed.id, gprs.id] }), 'circuitIds'],
      ["another customer's circuit", DISPATCH, order({ circuitIds: [foreign.id] }), 'circuitIds'],
      ['no circuit', DISPATCH, order({ circuitIds: [] }), 'circuitIds'],
      ['a circuit on an open order', DISPATCH, order({ circuitIds: [designed.id, busy.id] }), 'circuitIds'],
      ['a deadline in the past', DISPATCH, order({ dueDate: '2026-02-27' }), 'dueDate'],
      ['a deadline today', DISPATCH, order({ dueDate: '2026-03-02' }), 'dueDate'],
      ['a deadline two years ahead', DISPATCH, order({ dueDate: '2028-03-01' }), 'dueDate'],
      ['a blank contract number', DISPATCH, order({ contractNumber: '   ' }), 'contractNumber'],
      ['closing a circuit not yet in service', CLOSE, order({ reason: '客户撤单' }), 'circuitIds'],
      ['closing without a reason', CLOSE, order({ circuitIds: [active.id], reason: ' ' }), 'reason'],
    ];
    for (const [what, mutation, input, field] of cases) {
      expect({ what, ...refusal(await t.gql(mutation, { input }, staff.kx)) }).toEqual({ what, codes: ['BAD_USER_INPUT'], field });
    }
    const malformed = await t.gql(DISPATCH, { input: order({ dueDate: '2026-13-01' }) }, staff.kx);
    expect(codesOf(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(await count()).toBe(before);
    for (const circuit of [designed, active, gprs]) {
      const { circuit: read } = await t.ok<{ circuit: { status: string } }>(STATUS, { id: circuit.id });
      expect(read.status).toBe(circuit === active ? 'active' : 'designed');
    }
  });

  test('When a CIRCUIT_DISPATCH ticket is opened with openTicket, then it is refused with the mutation to use', async () => {
    const before = await count();
    const circuit = await makeCircuit(t, world);
    const res = await t.gql(
      OPEN,
      {
        input: {
          kind: 'CIRCUIT_DISPATCH',
          channel: 'INTERNAL',
          title: '电路调单',
          customerId: world.customer.id,
          circuitIds: [circuit.id],
        },
      },
      staff.kx,
    );
    expect(refusal(res)).toEqual({ codes: ['BAD_USER_INPUT'], field: 'kind' });
    expect(res.errors?.[0].message).toMatch(/dispatchCircuits/);
    expect(await count()).toBe(before);
  });

  test("When another procedure opens an order inside its own transaction and then fails, then the order goes with the caller's rollback", async () => {
    t.clock.set(cst('2026-03-02T09:00:00'));
    const circuit = await makeCircuit(t, world);
    const before = await count();
    const em = t.hub.database.orm.em.fork();
    const actor = { kind: 'staff' as const, userCode: staff.kx, customerId: null };
    const request = {
      purpose: ProvisioningPurpose.OPEN,
      customerId: world.customer.id,
      circuitIds: [circuit.id],
      level: DispatchLevel.HQ,
      contractNumber: 'HT-PRESALES-1',
    };
    await expect(
      inTransaction(em, t.hub.bus, async (uow) => {
        const opened = await t.hub.services.provisioning.openOrder({ em: uow.em, actor }, request);
        expect(opened.kind).toBe('CIRCUIT_DISPATCH');
        throw new Error('the contract could not be signed after all');
      }),
    ).rejects.toThrow('could not be signed');
    expect(await count()).toBe(before);
    const joined = await inTransaction(em, t.hub.bus, (uow) => t.hub.services.provisioning.openOrder({ em: uow.em, actor }, request));
    expect((await o.read(joined.id)).provisioning).toMatchObject({ level: 'HQ', contractNumber: 'HT-PRESALES-1' });
  });

  const ROOT_FIELDS: [string, string, () => Record<string, unknown>][] = [
    ['dispatchCircuits', DISPATCH, () => ({ input: { customerId: world.customer.id, circuitIds: [world.customer.id], level: 'BRANCH' } })],
    [
      'closeCircuitService',
      CLOSE,
      () => ({ input: { customerId: world.customer.id, circuitIds: [world.customer.id], level: 'BRANCH', reason: '撤单' } }),
    ],
    ['provisioningSplits', '{ provisioningSplits { chain } }', () => ({})],
    [
      'setProvisioningSplit',
      'mutation($input: SetProvisioningSplitInput!) { setProvisioningSplit(input: $input) { chain } }',
      () => ({ input: { chain: 'CLOSURE', shares: [{ step: 'removeData', share: 100 }] } }),
    ],
    ['provisioningProject', 'query($c: String!) { provisioningProject(contractNumber: $c) { name } }', () => ({ c: 'HT-1' })],
    ['provisioningTimeliness', '{ provisioningTimeliness(from: "2026-01-01", to: "2026-03-31") { rate } }', () => ({})],
  ];

  test.each(
    TRANSPORTS,
  )('When a customer token or a contractor asks for any provisioning root field over %s, then it is FORBIDDEN', async (transport) => {
    for (const [field, query, variables] of ROOT_FIELDS) {
      for (const as of [{ customerId: world.customer.id }, staff.contractor]) {
        const answer = await over(transport, t, { query, variables: variables() }, as);
        const who = typeof as === 'string' ? 'contractor' : 'customer';
        expect({ field, who, codes: codesOf(answer) }).toEqual({ field, who, codes: ['FORBIDDEN'] });
      }
    }
  });

  test('When an account manager enters a dispatch order, then it is FORBIDDEN: orders come from the center and operations', async () => {
    const circuit = await makeCircuit(t, world);
    const answer = await t.gql(
      DISPATCH,
      { input: { customerId: world.customer.id, circuitIds: [circuit.id], level: 'BRANCH' } },
      staff.sales,
    );
    expect(codesOf(answer)).toEqual(['FORBIDDEN']);
  });
});
