import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import {
  CLOSE,
  cst,
  iso,
  makeCircuit,
  makeCustomer,
  makeStaff,
  orders,
  runStandardChain,
  type Staff,
} from './circuit-provisioning.helpers';

const SPLITS = '{ provisioningSplits { chain isDefault updatedAt steps { step department share } } }';
const SET_SPLIT = `mutation($input: SetProvisioningSplitInput!) { setProvisioningSplit(input: $input) { chain isDefault steps { step share } } }`;
const PROJECT = `query($contract: String!) { provisioningProject(contractNumber: $contract) {
  contractNumber name archivedAt archiveNote archivedBy { code } customer { id } orders { id number status } } }`;

describe('Service closure, the split policy and projects', () => {
  let t: TestHub;
  let world: World;
  let staff: Staff;
  let o: ReturnType<typeof orders>;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeCustomer(t);
    staff = await makeStaff(t, world);
    o = orders(t);
  });
  afterAll(() => t.stop());

  test("When a service is closed (业务关闭), then its data is removed, its resources released and the circuit terminated, each move in the circuit's history", async () => {
    t.clock.set(cst('2026-04-13T09:00:00'));
    const circuit = await makeCircuit(t, world, { status: 'active' });
    const closing = await t.ok<{ closeCircuitService: { id: string; status: string; resolutionDueAt: string } }>(
      CLOSE,
      { input: { customerId: world.customer.id, circuitIds: [circuit.id], level: 'BRANCH', reason: '客户合同到期不再续约' } },
      staff.kx,
    );
    // No day given: the SLA policy's ten working days.
    expect(closing.closeCircuitService.resolutionDueAt).toBe(iso('2026-04-27T17:30:00'));
    const order = await o.read(closing.closeCircuitService.id);
    expect(order.provisioning).toMatchObject({ purpose: 'CLOSE', chain: 'CLOSURE', workingDays: 10 });
    expect(order.provisioning?.steps.map((s) => [s.step, s.department, s.days])).toEqual([
      ['removeData', 'OPS', 4],
      ['releaseResources', 'OPS', 4],
      ['confirmClosure', 'KX', 2],
    ]);
    await o.complete(order.id, 'removeData', staff.ops, { dataRemoved: 'VLAN 1203 已删除' });
    expect((await o.read(order.id)).provisioning?.circuits[0].circuit.status).toBe('inactive');
    await o.complete(order.id, 'releaseResources', staff.ops, { resourcesReleased: 'PON 口、纤芯已回收' });
    await o.complete(order.id, 'confirmClosure', staff.kx, { closureNote: '已通知客户经理与客户' });
    const done = await o.read(order.id);
    expect(done.status).toBe('closed');
    expect(done.provisioning?.circuits[0]).toMatchObject({
      terminatedAt: expect.any(String),
      activatedOnTime: null,
      circuit: { status: 'terminated' },
    });
    expect(await o.notes(order.id, '业务关闭:')).toEqual([expect.stringMatching(/^业务关闭: 1 circuit\(s\) terminated/)]);
    const moves = (await o.circuitHistory(circuit.id)).history.filter((e) => e.changes.some((c) => c.field === 'status')).reverse();
    expect(moves.map((e) => [e.changes[0].from, e.changes[0].to])).toEqual([
      ['active', 'inactive'],
      ['inactive', 'terminated'],
    ]);
  });

  test('When an administrator edits the split, then the next order is planned by it and the running one keeps its own', async () => {
    t.clock.set(cst('2026-03-02T09:00:00'));
    const before = await makeCircuit(t, world);
    const running = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [before.id], level: 'BRANCH', dueDate: '2026-03-16' },
      staff.ops,
    );
    const defaults = await t.ok<{ provisioningSplits: { chain: string; isDefault: boolean; steps: { step: string; share: number }[] }[] }>(
      SPLITS,
    );
    expect(defaults.provisioningSplits.map((s) => [s.chain, s.isDefault, s.steps.reduce((sum, x) => sum + x.share, 0)])).toEqual([
      ['STANDARD', true, 100],
      ['GPRS_VPN', true, 100],
      ['CLOSURE', true, 100],
    ]);
    const shares = [
      { step: 'allocate', share: 40 },
      { step: 'dispatch', share: 10 },
      { step: 'configure', share: 10 },
      { step: 'test', share: 10 },
      { step: 'testReport', share: 10 },
      { step: 'reportCompletion', share: 20 },
    ];
    // Only administrators set the policy, and only a whole split of every step adding up to 100.
    expect(codesOf(await t.gql(SET_SPLIT, { input: { chain: 'STANDARD', shares } }, staff.kx))).toEqual(['FORBIDDEN']);
    for (const wrong of [
      shares.slice(1),
      [...shares.slice(1), { step: 'allocate', share: 30 }],
      [...shares, { step: 'survey', share: 0 }],
    ]) {
      const refused = await t.gql(SET_SPLIT, { input: { chain: 'STANDARD', shares: wrong } });
      expect({ codes: codesOf(refused), field: refused.errors?.[0].extensions?.field }).toEqual({
        codes: ['BAD_USER_INPUT'],
        field: 'shares',
      });
    }
    const set = await t.ok<{ setProvisioningSplit: { isDefault: boolean; steps: { step: string; share: number }[] } }>(SET_SPLIT, {
      input: { chain: 'STANDARD', shares },
    });
    expect(set.setProvisioningSplit).toEqual({ chain: 'STANDARD', isDefault: false, steps: shares });

    const after = await makeCircuit(t, world);
    const next = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [after.id], level: 'BRANCH', dueDate: '2026-03-16' },
      staff.ops,
    );
    expect((await o.read(next.id)).provisioning?.steps[0]).toMatchObject({ step: 'allocate', days: 4, dueAt: iso('2026-03-06T17:30:00') });
    expect((await o.task(next.id, 'allocate'))?.dueAt).toBe(iso('2026-03-05T17:30:00'));
    expect((await o.read(running.id)).provisioning?.steps[0]).toMatchObject({
      step: 'allocate',
      days: 2,
      dueAt: iso('2026-03-04T17:30:00'),
    });
    // The default again, for the other tests here.
    await t.ok(SET_SPLIT, {
      input: { chain: 'STANDARD', shares: defaults.provisioningSplits[0].steps.map(({ step, share }) => ({ step, share })) },
    });
  });

  test("When a contract's last order completes, then the center archives the project's documents and the project takes no more orders", async () => {
    t.clock.set(cst('2026-08-03T09:00:00'));
    const contract = `HT-2026-${Date.now().toString(36)}`;
    const circuits = [await makeCircuit(t, world), await makeCircuit(t, world)];
    const first = await o.dispatch(
      {
        customerId: world.customer.id,
        circuitIds: [circuits[0].id],
        level: 'HQ',
        dueDate: '2026-08-14',
        contractNumber: contract,
        projectName: '园区政务外网',
      },
      staff.kx,
    );
    const second = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [circuits[1].id], level: 'PROVINCE', dueDate: '2026-08-14', contractNumber: contract },
      staff.kx,
    );
    await runStandardChain(t, staff, first.id);
    // Another order of the project still runs: the first one simply ends.
    expect((await o.read(first.id)).status).toBe('closed');
    expect(
      (await t.ok<{ provisioningProject: { archivedAt: string | null } }>(PROJECT, { contract })).provisioningProject.archivedAt,
    ).toBeNull();

    await runStandardChain(t, staff, second.id);
    const last = await o.read(second.id);
    expect(last.status).toBe('resolved');
    expect(last.procedure?.tasks).toEqual([expect.objectContaining({ elementId: 'archiveProject', candidateDepartment: 'KX' })]);
    t.clock.set(cst('2026-08-04T10:00:00'));
    await o.complete(second.id, 'archiveProject', staff.kx, { archiveLocation: '客响档案柜 B-3，项目文档 17 份' });
    expect((await o.read(second.id)).status).toBe('closed');
    const project = await t.ok<{ provisioningProject: Record<string, unknown> }>(PROJECT, { contract });
    expect(project.provisioningProject).toEqual({
      contractNumber: contract,
      name: '园区政务外网',
      archivedAt: cst('2026-08-04T10:00:00').toISOString(),
      archiveNote: '客响档案柜 B-3，项目文档 17 份',
      archivedBy: { code: staff.kx },
      customer: { id: world.customer.id },
      orders: [
        { id: first.id, number: first.number, status: 'closed' },
        { id: second.id, number: second.number, status: 'closed' },
      ],
    });
    expect(await o.notes(second.id, '项目文档归档')).toEqual([
      `项目文档归档: project ${contract} archived (客响档案柜 B-3，项目文档 17 份)`,
    ]);

    const late = await makeCircuit(t, world);
    const refused = await t.gql('mutation($input: DispatchOrderInput!) { dispatchCircuits(input: $input) { id } }', {
      input: { customerId: world.customer.id, circuitIds: [late.id], level: 'BRANCH', contractNumber: contract },
    });
    expect({ codes: codesOf(refused), field: refused.errors?.[0].extensions?.field }).toEqual({
      codes: ['BAD_USER_INPUT'],
      field: 'contractNumber',
    });
  });
});
