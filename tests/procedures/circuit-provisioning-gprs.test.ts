import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import { cst, iso, makeCircuit, makeCustomer, makeStaff, orders, type Staff } from './circuit-provisioning.helpers';

const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';

/** 2.1 GPRS-VPN业务建设流程: GPRS-VPN circuits run their own chain, department by department. */
describe('GPRS-VPN provisioning: project, design, IP and core data, switch data, router, SIM cards, joint test', () => {
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

  /** Raised, designed, IP ranges and core data, switch data: up to the router. */
  const upToRouter = async (id: string) => {
    const offered: [string, string | null][] = [];
    const step = async (elementId: string, who: string, variables: Record<string, unknown>) => {
      offered.push([elementId, (await o.task(id, elementId))?.candidateDepartment ?? null]);
      await o.complete(id, elementId, who, variables);
    };
    await step('raiseProject', staff.sales, { projectRef: 'MIS-2026-GPRS-017' });
    await step('commissionDesign', staff.cons, { designInstitute: '江苏省邮电规划设计院', constructionTeam: '园区线路施工队' });
    await step('coreData', staff.ops, { ipRanges: '互联 10.32.7.0/30，用户段 172.20.16.0/22，APN szgov.js' });
    await step('switchData', staff.trans, { switchData: '接入交换机 SW-SIP-02 VLAN 3107' });
    return offered;
  };

  test('When the customer cannot configure its router, then the center configures it on site, the SIM cards are made and the joint test activates the circuits', async () => {
    t.clock.set(cst('2026-11-02T09:00:00'));
    const circuit = await makeCircuit(t, world, { serviceType: 'GPRS_VPN', status: 'designed' });
    const opened = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [circuit.id], level: 'PROVINCE', dueDate: '2026-11-16' },
      staff.kx,
    );
    const order = await o.read(opened.id);
    expect(order.provisioning).toMatchObject({ chain: 'GPRS_VPN', workingDays: 10 });
    expect(order.provisioning?.steps.map((s) => [s.step, s.department, s.days])).toEqual([
      ['raiseProject', 'SALES', 1],
      ['commissionDesign', 'CONS', 2],
      ['coreData', 'OPS', 2],
      ['switchData', 'TRANS', 1],
      ['router', 'KX', 1],
      ['simCards', 'OPS', 1],
      ['jointTest', 'KX', 1],
      ['testReport', 'KX', 1],
      ['reportCompletion', 'KX', 0],
    ]);

    const offered = await upToRouter(opened.id);
    expect(offered).toEqual([
      ['raiseProject', 'SALES'],
      ['commissionDesign', 'CONS'],
      ['coreData', 'OPS'],
      ['switchData', 'TRANS'],
    ]);
    expect((await o.read(opened.id)).provisioning?.circuits[0].circuit.status).toBe('provisioning');
    await o.complete(opened.id, 'routerConfig', staff.kx, { customerConfigured: false });
    expect(await o.task(opened.id, 'onSiteRouter')).toMatchObject({ candidateDepartment: 'KX' });
    await o.complete(opened.id, 'onSiteRouter', staff.kx, { onSiteEngineer: '客响技术支撑 张工' });

    const sims = await o.task(opened.id, 'makeSims');
    expect(sims).toMatchObject({ candidateDepartment: 'OPS' });
    const none = await t.gql(COMPLETE, { id: sims?.id, v: { simCount: 0 } }, staff.ops);
    expect({ codes: codesOf(none), field: none.errors?.[0].extensions?.field }).toEqual({ codes: ['BAD_USER_INPUT'], field: 'simCount' });
    await o.complete(opened.id, 'makeSims', staff.ops, { simCount: 40 });
    // The joint test's report comes in before the joint test completes: the order does not wait for it again.
    await o.report(opened.id, staff.kx, 'GPRS-VPN 联调测试报告');
    expect((await o.read(opened.id)).provisioning?.circuits[0].circuit.status).toBe('provisioning');
    await o.complete(opened.id, 'jointTest', staff.kx, { jointTestResult: '40 张卡拨测通过，APN 接入正常' });
    expect((await o.read(opened.id)).procedure?.tasks.map((x) => x.elementId)).toEqual(['reportCompletion']);
    await o.complete(opened.id, 'reportCompletion', staff.kx, { completionNote: '已报竣' });

    const done = await o.read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.provisioning?.circuits[0]).toMatchObject({
      activatedOnTime: true,
      circuit: { status: 'active' },
      testReport: { title: 'GPRS-VPN 联调测试报告', onTime: true },
    });
    const router = done.provisioning?.steps.find((s) => s.step === 'router');
    expect(router?.doneAt).not.toBeNull();
    const moves = (await o.circuitHistory(circuit.id)).history.filter((e) => e.changes.some((c) => c.field === 'status')).reverse();
    expect(moves.map((e) => e.changes[0].to)).toEqual(['reserved', 'provisioning', 'active']);
  });

  test('When the customer configures its router from the template, then no one goes on site', async () => {
    t.clock.set(cst('2026-11-02T09:00:00'));
    const circuit = await makeCircuit(t, world, { serviceType: 'GPRS_VPN', status: 'feasibilityChecked' });
    const opened = await o.dispatch(
      { customerId: world.customer.id, circuitIds: [circuit.id], level: 'BRANCH', dueDate: '2026-11-16' },
      staff.ops,
    );
    await upToRouter(opened.id);
    await o.complete(opened.id, 'routerConfig', staff.kx, { customerConfigured: true });
    expect((await o.read(opened.id)).procedure?.tasks.map((x) => x.elementId)).toEqual(['makeSims']);
    await o.complete(opened.id, 'makeSims', staff.ops, { simCount: 5 });
    await o.complete(opened.id, 'jointTest', staff.kx, { jointTestResult: '拨测通过' });
    // No test report yet: the joint test's wait is the center's, and the report ends it.
    const waiting = await o.read(opened.id);
    expect(waiting.procedure?.tasks).toEqual([]);
    expect(waiting.provisioning?.circuits[0].circuit.status).toBe('active');
    await o.report(opened.id, staff.kx);
    await o.complete(opened.id, 'reportCompletion', staff.kx, { completionNote: '已报竣' });
    const done = await o.read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.provisioning?.steps.find((s) => s.step === 'router')).toMatchObject({ late: false, doneAt: expect.any(String) });
    expect(done.provisioning?.steps.find((s) => s.step === 'reportCompletion')?.dueAt).toBe(iso('2026-11-16T17:30:00'));
  });
});
