import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import { cst, iso, makeCircuit, makeCustomer, makeStaff, orders, runStandardChain, type Staff } from './circuit-provisioning.helpers';

const TIMELINESS = `query($from: Date!, $to: Date!) { provisioningTimeliness(from: $from, to: $to) {
  circuitsToActivate circuitsOnTime circuitsPending rate ordersCompleted averageCycleWorkingDays note } }`;

/**
 * 电路调单与开通 (DOMAIN.md procedure 3): a dispatch order's circuits move reserved -> provisioning ->
 * active as its steps are done by their departments, each step within its part of the deadline.
 */
describe('Circuit provisioning: a dispatch order runs its steps within their limits and activates its circuits', () => {
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

  test('When a province order is provisioned in time, then its circuits go reserved, provisioning, active, each move in their history, and count as activated on time with their test report', async () => {
    t.clock.set(cst('2026-03-02T09:00:00'));
    const circuits = [await makeCircuit(t, world), await makeCircuit(t, world, { status: 'feasibilityChecked' })];
    const opened = await o.dispatch(
      { customerId: world.customer.id, circuitIds: circuits.map((c) => c.id), level: 'PROVINCE', dueDate: '2026-03-16' },
      staff.ops,
    );
    // 10 working days, split 20/10/20/20/10/20: each step's cut point counted from the order.
    expect(opened.resolutionDueAt).toBe(iso('2026-03-16T17:30:00'));
    let order = await o.read(opened.id);
    expect(order.status).toBe('inProgress');
    expect(order.reportDueAt).toBe(iso('2026-03-16T17:30:00'));
    expect(order.provisioning).toMatchObject({ purpose: 'OPEN', chain: 'STANDARD', level: 'PROVINCE', workingDays: 10 });
    expect(order.provisioning?.steps.map((s) => [s.step, s.department, s.days, s.dueAt])).toEqual([
      ['allocate', 'OPS', 2, iso('2026-03-04T17:30:00')],
      ['dispatch', 'OPS', 1, iso('2026-03-05T17:30:00')],
      ['configure', 'OPS', 2, iso('2026-03-09T17:30:00')],
      ['test', 'REGION', 2, iso('2026-03-11T17:30:00')],
      ['testReport', 'REGION', 1, iso('2026-03-12T17:30:00')],
      ['reportCompletion', 'KX', 2, iso('2026-03-16T17:30:00')],
    ]);
    // The task is offered to operations and due at its reminder, a working day before its limit.
    expect(order.procedure?.tasks).toEqual([
      { id: expect.any(String), elementId: 'allocate', candidateDepartment: 'OPS', dueAt: iso('2026-03-03T17:30:00') },
    ]);

    const seen: string[][] = [];
    await runStandardChain(t, staff, opened.id, {
      at: async (step) => {
        t.clock.set(new Date(t.clock.now().getTime() + 3600_000));
        const read = await o.read(opened.id);
        seen.push([step, ...(read.provisioning?.circuits.map((c) => c.circuit.status) ?? [])]);
      },
    });
    expect(seen).toEqual([
      ['allocate', 'designed', 'feasibilityChecked'],
      ['dispatch', 'reserved', 'reserved'],
      ['configure', 'provisioning', 'provisioning'],
      ['test', 'provisioning', 'provisioning'],
      ['testReport', 'active', 'active'],
      ['reportCompletion', 'active', 'active'],
    ]);
    order = await o.read(opened.id);
    expect(order.status).toBe('closed');
    expect(order.provisioning?.completedAt).not.toBeNull();
    expect(order.provisioning?.cycleWorkingDays).toBe(0);
    expect(order.provisioning?.steps.every((s) => s.doneAt !== null && !s.late)).toBe(true);
    expect(order.provisioning?.circuits).toEqual(
      circuits
        .map((c) => ({
          statusBefore: c === circuits[0] ? 'designed' : 'feasibilityChecked',
          activatedAt: expect.any(String),
          terminatedAt: null,
          activatedOnTime: true,
          circuit: { id: c.id, code: c.code, status: 'active' },
          testReport: { title: '电路测试报告', onTime: true },
        }))
        .sort((a, b) => a.circuit.code.localeCompare(b.circuit.code)),
    );
    expect(await o.notes(opened.id, '报竣')).toEqual([expect.stringMatching(/^报竣: 2 of 2 circuit\(s\) activated on time/)]);
    const history = await o.circuitHistory(circuits[0].id);
    const moves = history.history.filter((e) => e.changes.some((c) => c.field === 'status')).reverse();
    expect(moves.map((e) => [e.changes[0].from, e.changes[0].to])).toEqual([
      ['designed', 'reserved'],
      ['reserved', 'provisioning'],
      ['provisioning', 'active'],
    ]);
    expect(moves.every((e) => e.note?.startsWith(`${opened.number}: `))).toBe(true);

    const march = await t.ok<{ provisioningTimeliness: Record<string, unknown> }>(TIMELINESS, { from: '2026-03-01', to: '2026-03-31' });
    expect(march.provisioningTimeliness).toEqual({
      circuitsToActivate: 2,
      circuitsOnTime: 2,
      circuitsPending: 0,
      rate: 100,
      ordersCompleted: 1,
      averageCycleWorkingDays: 0,
      note: null,
    });
  });

  test('When a step runs late over National Day, then its department is reminded on 30 September, chased on 8 October, and the make-up Saturday counts as a working day', async () => {
    t.clock.set(cst('2026-09-29T10:00:00'));
    const circuit = await makeCircuit(t, world);
    const opened = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [circuit.id], level: 'HQ', dueDate: '2026-10-16' },
      staff.kx,
    );
    const order = await o.read(opened.id);
    // Sep 30, Oct 8, 9, 10 (调休), 12-16: nine working days; allocation's two end on 8 October.
    expect(order.provisioning?.workingDays).toBe(9);
    expect(order.provisioning?.steps[0]).toMatchObject({ step: 'allocate', days: 2, dueAt: iso('2026-10-08T17:30:00') });

    await o.moveTo('2026-09-30T17:29:00');
    expect(await o.notes(opened.id, '提醒')).toEqual([]);
    await o.moveTo('2026-09-30T17:31:00');
    expect(await o.notes(opened.id, '提醒')).toEqual([`提醒: OPS, "Allocate local resources" is due at ${iso('2026-10-08T17:30:00')}`]);
    await o.moveTo('2026-10-07T23:00:00');
    expect(await o.notes(opened.id, '催办')).toEqual([]);
    await o.moveTo('2026-10-08T17:31:00');
    expect(await o.notes(opened.id, '催办')).toEqual([
      `催办: OPS chased, "Allocate local resources" was due at ${iso('2026-10-08T17:30:00')}`,
    ]);
    await o.moveTo('2026-10-09T09:00:00');
    expect(await o.notes(opened.id, '催办')).toHaveLength(1);

    await o.complete(opened.id, 'allocate', staff.ops, { localResources: '补配纤芯 GJ-120' });
    await o.complete(opened.id, 'dispatch', staff.ops, { workOrders: '工单 ZW-2026-1009' });
    // Configuration ends on 12 October; its reminder a working day earlier falls on Saturday 10 October, a make-up working day.
    expect((await o.task(opened.id, 'configure'))?.dueAt).toBe(iso('2026-10-10T17:30:00'));
    const late = await o.read(opened.id);
    expect(late.provisioning?.steps[0]).toMatchObject({
      step: 'allocate',
      late: true,
      remindedAt: cst('2026-09-30T17:31:00').toISOString(),
      chasedAt: cst('2026-10-08T17:31:00').toISOString(),
    });
    expect(late.provisioning?.steps[1]).toMatchObject({ step: 'dispatch', late: false });
  });

  test('When circuits are activated after the deadline, or their test report comes after it, then they are not on time, and the measure says so', async () => {
    // Activated late: the order was due on 4 May; the test passes on 6 May.
    t.clock.set(cst('2026-04-30T09:00:00'));
    const lateCircuit = await makeCircuit(t, world);
    const activatedLate = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [lateCircuit.id], level: 'BRANCH', dueDate: '2026-05-06' },
      staff.ops,
    );
    const lateOrder = await o.read(activatedLate.id);
    // May Day: 1-5 May off, 9 May (Saturday) worked: the 6th is the first working day after the order's day.
    expect(lateOrder.provisioning?.workingDays).toBe(1);
    await runStandardChain(t, staff, activatedLate.id, {
      at: async (step) => {
        if (step === 'test') t.clock.set(cst('2026-05-07T10:00:00'));
      },
    });
    const activated = await o.read(activatedLate.id);
    expect(activated.provisioning?.circuits[0]).toMatchObject({ activatedOnTime: false, testReport: { onTime: false } });
    expect(activated.provisioning?.steps.find((s) => s.step === 'test')).toMatchObject({ late: true });

    // Activated in time, but the test report only after the deadline: the wait is chased, and the circuit is not on time.
    t.clock.set(cst('2026-05-11T09:00:00'));
    const reportCircuit = await makeCircuit(t, world);
    const reportedLate = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [reportCircuit.id], level: 'BRANCH', dueDate: '2026-05-13' },
      staff.ops,
    );
    await runStandardChain(t, staff, reportedLate.id, { report: false });
    const waiting = await o.read(reportedLate.id);
    expect(waiting.status).toBe('inProgress');
    expect(waiting.provisioning?.circuits[0]).toMatchObject({ activatedOnTime: null, circuit: { status: 'active' } });
    await o.moveTo('2026-05-13T17:31:00');
    expect(await o.notes(reportedLate.id, '催办')).toEqual([expect.stringMatching(/^催办: REGION chased, "Issue the test report"/)]);
    // Past its deadline without a test report, the circuit already counts as not on time.
    const meanwhile = await t.ok<{ provisioningTimeliness: Record<string, unknown> }>(TIMELINESS, { from: '2026-05-01', to: '2026-05-31' });
    expect(meanwhile.provisioningTimeliness).toMatchObject({
      circuitsToActivate: 2,
      circuitsOnTime: 0,
      circuitsPending: 0,
      ordersCompleted: 1,
    });
    await o.report(reportedLate.id, staff.region, '补交测试报告');
    await o.complete(reportedLate.id, 'reportCompletion', staff.kx, { completionNote: '报竣' });
    const done = await o.read(reportedLate.id);
    expect(done.provisioning?.circuits[0]).toMatchObject({ activatedOnTime: false, testReport: { title: '补交测试报告', onTime: false } });

    const may = await t.ok<{ provisioningTimeliness: Record<string, unknown> }>(TIMELINESS, { from: '2026-05-01', to: '2026-05-31' });
    expect(may.provisioningTimeliness).toMatchObject({ circuitsToActivate: 2, circuitsOnTime: 0, rate: 0, ordersCompleted: 2 });
    const empty = await t.ok<{ provisioningTimeliness: Record<string, unknown> }>(TIMELINESS, { from: '2026-07-01', to: '2026-07-31' });
    expect(empty.provisioningTimeliness).toMatchObject({ circuitsToActivate: 0, rate: null, note: expect.stringMatching(/no rate/) });
  });

  test('When a page of orders is read with their steps and circuits, then the statements do not grow with the orders', async () => {
    t.clock.set(cst('2026-06-01T09:00:00'));
    const page = `{ tickets(first: 50, filter: { kinds: [CIRCUIT_DISPATCH] }) { edges { node { id provisioning {
      level steps { dueAt doneAt late } circuits { activatedOnTime circuit { code } testReport { title } } } } } } }`;
    const count = async () => (await t.countStatements(() => t.ok(page))).count;
    const before = await count();
    for (let i = 0; i < 3; i++) {
      const circuit = await makeCircuit(t, world);
      await o.dispatch({ customerId: world.customer.id, circuitIds: [circuit.id], level: 'BRANCH' }, staff.ops);
    }
    expect(await count()).toBe(before);
    expect(codesOf(await t.gql(page, {}, { customerId: world.customer.id }))).toContain('FORBIDDEN');
  });
});
