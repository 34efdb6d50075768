import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

const UPDATE = `mutation($input: UpdateCircuitInput!) { updateCircuit(input: $input) { version status bandwidthMbps history { action changes { field from to } } } }`;

describe('Circuits through the GraphQL API', () => {
  let t: TestHub;
  let world: World;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 3 });
  });
  afterAll(() => t.stop());

  test('When a circuit is upgraded, then its history holds the old and new bandwidth', async () => {
    const res = await t.ok<{ updateCircuit: { version: number; history: unknown[] } }>(UPDATE, {
      input: { id: world.circuits[0].id, version: 1, bandwidthMbps: 1000 },
    });
    expect(res.updateCircuit.version).toBe(2);
    expect(res.updateCircuit.history[0]).toEqual({ action: 'UPDATED', changes: [{ field: 'bandwidthMbps', from: '100', to: '1000' }] });
  });

  test('When a circuit is terminated, then it can change no more', async () => {
    await t.ok(UPDATE, { input: { id: world.circuits[1].id, version: 1, status: 'terminated' } });
    const res = await t.gql(UPDATE, { input: { id: world.circuits[1].id, version: 2, status: 'active' } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  });

  test('When circuits are filtered by customer and status, then only those come, with their customer', async () => {
    const res = await t.ok<{ circuits: { totalCount: number; edges: { node: { status: string; customer: { id: string } } }[] } }>(
      `query($c: ID!) { circuits(filter: {customerId: $c, statuses: [active]}) { totalCount edges { node { status customer { id } } } } }`,
      { c: world.customer.id },
    );
    expect(res.circuits.totalCount).toBe(2);
    for (const e of res.circuits.edges) expect(e.node).toEqual({ status: 'active', customer: { id: world.customer.id } });
  });

  test('When a circuit code is taken or the bandwidth is not positive, then the caller is told which field to fix', async () => {
    const CREATE = `mutation($input: CreateCircuitInput!) { createCircuit(input: $input) { id } }`;
    const base = {
      customerId: world.customer.id,
      serviceType: 'DATA_LINE',
      bandwidthMbps: 10,
      aEnd: 'A',
      zEnd: 'Z',
      accessTechnology: 'MSAP_SDH',
    };
    const taken = await t.gql(CREATE, { input: { ...base, code: world.circuits[0].code } });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const zero = await t.gql(CREATE, { input: { ...base, code: 'SZ-DL-NEW-1', bandwidthMbps: 0 } });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bandwidthMbps' });
  });

  test("When a circuit is archived, then it stays readable and leaves the customer's list", async () => {
    await t.ok(`mutation($id: ID!) { archiveCircuit(id: $id, version: 1, reason: "业务关闭") { id } }`, { id: world.circuits[2].id });
    const res = await t.ok<{ circuit: { archivedAt: string | null }; customer: { circuits: { code: string }[] } }>(
      `query($id: ID!, $c: ID!) { circuit(id: $id) { archivedAt } customer(id: $c) { circuits { code } } }`,
      { id: world.circuits[2].id, c: world.customer.id },
    );
    expect(res.circuit.archivedAt).not.toBeNull();
    expect(res.customer.circuits.map((c) => c.code)).not.toContain(world.circuits[2].code);
  });
});
