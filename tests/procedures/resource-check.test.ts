import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import { at, type CheckStaff, checkSteps, makeCheckWorld, requestOf } from './resource-check-world';

/** Procurement's figures and a construction quote, as the departments fill their forms in. */
const equipment = (p: string, cost: number, days: number) => ({ [`${p}EquipmentCostCny`]: cost, [`${p}PurchaseCycleDays`]: days });
const build = (
  p: string,
  quote: { investment: number; newDucts: boolean; duct?: number; fiber?: number; cpe?: number; total: number },
) => ({
  [`${p}Works`]: '新建引入光缆及客户端设备',
  [`${p}InvestmentCny`]: quote.investment,
  [`${p}NewDucts`]: quote.newDucts,
  ...(quote.duct === undefined ? {} : { [`${p}DuctDays`]: quote.duct }),
  ...(quote.fiber === undefined ? {} : { [`${p}FiberDays`]: quote.fiber }),
  ...(quote.cpe === undefined ? {} : { [`${p}CpeDays`]: quote.cpe }),
  [`${p}TotalDays`]: quote.total,
});

/**
 * 资源核查 (DOMAIN.md procedure 2) through the API: fanned out to the departments in parallel,
 * each on a step limit of one working day on the center's calendar, quotes checked against the
 * duration rules, one-stop and in-province checks forwarded to the provincial center.
 */
describe('Resource check (资源核查): departments in parallel, duration rules, the provincial forward', () => {
  let t: TestHub;
  let world: World;
  let staff: CheckStaff;
  let steps: ReturnType<typeof checkSteps>;

  beforeAll(async () => {
    t = await startTestHub();
    ({ world, staff } = await makeCheckWorld(t));
    steps = checkSteps(t);
  });
  afterAll(() => t.stop());

  test('When a local check finds the network ready and everyone answers in time, then sales is answered, resources sufficient, each resource checked on time', async () => {
    const { request, read, openTasks, completeOk, notes } = steps;
    t.clock.set(at('2026-03-02T10:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world));
    // Three working days: the close of Thursday 5 March.
    expect(opened).toMatchObject({
      kind: 'RESOURCE_CHECK',
      status: 'inProgress',
      resolutionDueAt: at('2026-03-05T17:30:00').toISOString(),
    });
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment])).toEqual([['checkNetwork', 'OPS']]);
    t.clock.set(at('2026-03-03T11:00:00'));
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: true, networkFindings: '3号楼已有光交，端口充足' });
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateRole])).toEqual([['answerSales', 'RESPONSE_CENTER']]);
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '现网资源满足，可直接开通' });

    const done = await read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.procedure?.status).toBe('COMPLETED');
    expect(done.resourceCheck).toMatchObject({
      scope: 'LOCAL',
      coverageAsked: false,
      forwardedAt: null,
      overRule: false,
      quotes: [],
      answer: {
        resourcesSufficient: true,
        networkReady: true,
        optimizationNeeded: null,
        investmentCny: null,
        durationDays: null,
        summary: '现网资源满足，可直接开通',
      },
    });
    expect(done.resourceCheck?.resources).toEqual([
      {
        position: 1,
        kind: 'CIRCUIT',
        name: '100M 互联网专线',
        site: '星湖街328号 3号楼',
        checkedAt: at('2026-03-03T11:00:00').toISOString(),
        checkedOnTime: true,
      },
      {
        position: 2,
        kind: 'OUTSOURCING_SERVICE',
        name: '机房代维外包服务',
        site: null,
        checkedAt: at('2026-03-03T11:00:00').toISOString(),
        checkedOnTime: true,
      },
    ]);
    expect(await notes(opened.id, '资源核查答复')).toEqual([
      '资源核查答复: 资源满足 (resources sufficient); 2 resource(s) checked on time: 现网资源满足，可直接开通',
    ]);
    expect(await notes(opened.id, '催办')).toEqual([]);
  });

  test('When operations and construction run past their step limits over National Day, then each is chased once, the make-up Saturday counts, and the resources are checked late', async () => {
    const { request, read, completeOk, moveTo, notes } = steps;
    t.clock.set(at('2026-09-30T10:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world));
    // Three working days after 30 September: 8, 9 and Saturday 10 October (1-7 October are holidays).
    expect(opened.resolutionDueAt).toBe(at('2026-10-10T17:30:00').toISOString());
    // Operations has one working day: the close of 8 October.
    await moveTo('2026-10-08T17:29:00');
    expect(await notes(opened.id, '催办')).toEqual([]);
    await moveTo('2026-10-08T17:31:00');
    expect(await notes(opened.id, '催办')).toEqual([expect.stringMatching(/^催办: OPS chased at checkNetworkChase/)]);
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: false, networkFindings: '3号楼无管道资源' });
    await moveTo('2026-10-09T09:00:00');
    await completeOk(opened.id, 'quoteNetworkEquipment', staff.proc, equipment('network', 12_000, 4));
    // Construction's task opened on Friday 9 October: its working day ends on the make-up Saturday.
    await moveTo('2026-10-10T17:29:00');
    expect(await notes(opened.id, '催办')).toHaveLength(1);
    await moveTo('2026-10-10T17:31:00');
    expect(await notes(opened.id, '催办')).toEqual([
      expect.stringMatching(/^催办: CONS chased at quoteNetworkBuildChase/),
      expect.stringMatching(/^催办: OPS chased at checkNetworkChase/),
    ]);
    await moveTo('2026-10-12T10:00:00');
    await completeOk(
      opened.id,
      'quoteNetworkBuild',
      staff.cons,
      build('network', { investment: 40_000, newDucts: false, fiber: 2, cpe: 2, total: 6 }),
    );
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '需新建引入，投资4万元，工期6个工作日' });

    const done = await read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.resourceCheck?.answer).toMatchObject({
      resourcesSufficient: false,
      networkReady: false,
      investmentCny: 40_000,
      durationDays: 6,
      purchaseCycleDays: 4,
    });
    expect(done.resourceCheck?.resources.map((r) => r.checkedOnTime)).toEqual([false, false]);
    expect(await notes(opened.id, '资源核查答复')).toEqual([expect.stringContaining('2 resource(s) checked late')]);
    expect(await notes(opened.id, '催办')).toHaveLength(2);
  });

  test('When construction quotes a duration over its rule, then the center pushes it back, construction answers again, and an accept needs a reason', async () => {
    const { request, read, openTasks, complete, completeOk } = steps;
    t.clock.set(at('2026-03-09T09:00:00'));
    const opened = await request(world.duty.code, requestOf(world));
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: false });
    await completeOk(opened.id, 'quoteNetworkEquipment', staff.proc, equipment('network', 20_000, 5));
    // Under 50,000 CNY without new ducts: the whole access within 7 working days.
    await completeOk(
      opened.id,
      'quoteNetworkBuild',
      staff.cons,
      build('network', { investment: 30_000, newDucts: false, fiber: 4, cpe: 2, total: 9 }),
    );
    const flagged = await read(opened.id);
    expect(flagged.resourceCheck?.overRule).toBe(true);
    expect(flagged.resourceCheck?.quotes).toEqual([
      expect.objectContaining({
        part: 'NETWORK',
        round: 1,
        investmentCny: 30_000,
        equipmentCostCny: 20_000,
        purchaseCycleDays: 5,
        overRule: true,
        findings: [
          'FIBER_LAYING: fiber laying after ducts are usable 4 working days, limit 3',
          'SINGLE_POINT_ACCESS: the whole single-point access 9 working days, limit 7',
        ],
        decision: null,
      }),
    ]);
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateRole])).toEqual([['reviewNetworkQuote', 'RESPONSE_CENTER']]);
    await completeOk(opened.id, 'reviewNetworkQuote', staff.kx, {
      networkDecision: 'PUSH_BACK',
      networkDecisionReason: '光缆与设备安装并行，压缩至7天',
    });
    // Pushed back: construction answers again (a new round), procurement's figures stand.
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment])).toEqual([['quoteNetworkBuild', 'CONS']]);
    await completeOk(
      opened.id,
      'quoteNetworkBuild',
      staff.cons,
      build('network', { investment: 30_000, newDucts: false, fiber: 3, cpe: 2, total: 8 }),
    );
    const noReason = await complete(opened.id, 'reviewNetworkQuote', staff.kx, { networkDecision: 'ACCEPT', networkDecisionReason: '  ' });
    expect(codesOf(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0].extensions?.field).toBe('variables.networkDecisionReason');
    await completeOk(opened.id, 'reviewNetworkQuote', staff.kx, {
      networkDecision: 'ACCEPT',
      networkDecisionReason: '客户楼宇施工窗口受限，多1天可接受',
    });
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '需新建，投资3万元，工期8个工作日' });

    const done = await read(opened.id);
    expect(done.resourceCheck?.quotes.map((q) => [q.round, q.totalDays, q.overRule, q.decision, q.decisionReason])).toEqual([
      [1, 9, true, 'PUSH_BACK', '光缆与设备安装并行，压缩至7天'],
      [2, 8, true, 'ACCEPT', '客户楼宇施工窗口受限，多1天可接受'],
    ]);
    expect(done.resourceCheck?.answer).toMatchObject({
      resourcesSufficient: false,
      investmentCny: 30_000,
      durationDays: 8,
      purchaseCycleDays: 5,
    });
    const history = done.history.map((e) => e.note ?? '');
    expect(history.filter((n) => n.startsWith('工期超标'))).toHaveLength(2);
    expect(history).toContain('退回重报 (pushed back to answer again): the NETWORK quote, round 1: 光缆与设备安装并行，压缩至7天');
    expect(history).toContain('接受 (accepted over its rule): the NETWORK quote, round 2: 客户楼宇施工窗口受限，多1天可接受');
  });

  test('When coverage is asked and needs optimization, then operations and optimization work at once, mobile construction quotes with procurement, and the answer adds the builds', async () => {
    const { request, read, openTasks, completeOk } = steps;
    t.clock.set(at('2026-03-16T09:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world, { coverageAsked: true }));
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment]).sort()).toEqual([
      ['checkCoverage', 'OPT'],
      ['checkNetwork', 'OPS'],
    ]);
    await completeOk(opened.id, 'checkCoverage', staff.opt, { optimizationNeeded: true, coverageFindings: '3号楼地下室无 4G 信号' });
    await completeOk(opened.id, 'quoteMobileEquipment', staff.proc, equipment('mobile', 35_000, 8));
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateDepartment]).sort()).toEqual([
      ['checkNetwork', 'OPS'],
      ['quoteMobileBuild', 'MCONS'],
    ]);
    // New ducts: the whole access within 14 working days; ducts within 10 of permits.
    await completeOk(
      opened.id,
      'quoteMobileBuild',
      staff.mcons,
      build('mobile', { investment: 80_000, newDucts: true, duct: 8, fiber: 3, cpe: 1, total: 12 }),
    );
    // Within its rules: no review; the check waits for operations.
    expect((await openTasks(opened.id)).map((x) => x.elementId)).toEqual(['checkNetwork']);
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: true });
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '固网满足；需新建室分，投资8万元，工期12个工作日' });

    const done = await read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.resourceCheck).toMatchObject({
      coverageAsked: true,
      overRule: false,
      answer: {
        resourcesSufficient: false,
        networkReady: true,
        optimizationNeeded: true,
        investmentCny: 80_000,
        durationDays: 12,
        purchaseCycleDays: 8,
      },
    });
    expect(done.resourceCheck?.quotes.map((q) => [q.part, q.round, q.overRule, q.findings])).toEqual([['MOBILE', 1, false, []]]);
  });

  test('When mobile construction quotes ducts over their rule, then the center accepts it with the reason and the check is answered', async () => {
    const { request, read, openTasks, completeOk } = steps;
    t.clock.set(at('2026-03-18T09:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world, { coverageAsked: true }));
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: true });
    await completeOk(opened.id, 'checkCoverage', staff.opt, { optimizationNeeded: true });
    await completeOk(opened.id, 'quoteMobileEquipment', staff.proc, equipment('mobile', 60_000, 10));
    await completeOk(
      opened.id,
      'quoteMobileBuild',
      staff.mcons,
      build('mobile', { investment: 150_000, newDucts: true, duct: 12, fiber: 3, cpe: 2, total: 14 }),
    );
    expect((await openTasks(opened.id)).map((x) => x.elementId)).toEqual(['reviewMobileQuote']);
    await completeOk(opened.id, 'reviewMobileQuote', staff.kx, {
      mobileDecision: 'ACCEPT',
      mobileDecisionReason: '需跨越河道报建，管道工期延长可接受',
    });
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '需新建室分及管道，14个工作日' });
    const done = await read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.resourceCheck?.quotes.map((q) => [q.part, q.overRule, q.findings, q.decision])).toEqual([
      ['MOBILE', true, ['DUCTS_AND_POLES: ducts and poles after permits 12 working days, limit 10'], 'ACCEPT'],
    ]);
    expect(done.resourceCheck?.answer).toMatchObject({
      resourcesSufficient: false,
      investmentCny: 150_000,
      durationDays: 14,
      purchaseCycleDays: 10,
    });
  });

  test('When a one-stop check is collected, then the branch center reviews it and submits it to the provincial center before sales is answered', async () => {
    const { request, read, openTasks, completeOk, notes } = steps;
    t.clock.set(at('2026-03-23T09:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world, { scope: 'ONE_STOP', coverageAsked: true }));
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: true });
    expect((await openTasks(opened.id)).map((x) => x.elementId)).toEqual(['checkCoverage']);
    await completeOk(opened.id, 'checkCoverage', staff.opt, { optimizationNeeded: false });
    expect((await openTasks(opened.id)).map((x) => [x.elementId, x.candidateRole])).toEqual([['branchReview', 'RESPONSE_CENTER']]);
    t.clock.set(at('2026-03-23T15:00:00'));
    await completeOk(opened.id, 'branchReview', staff.kx, { reviewSummary: '固网与无线覆盖均满足，同意上报' });
    const forwarded = await read(opened.id);
    expect(forwarded.resourceCheck).toMatchObject({
      scope: 'ONE_STOP',
      branchReview: '固网与无线覆盖均满足，同意上报',
      forwardedAt: at('2026-03-23T15:00:00').toISOString(),
      answer: null,
    });
    expect(await notes(opened.id, '提交省公司')).toEqual([
      '提交省公司: the ONE_STOP check, reviewed by the branch center, submitted to the provincial center (PKX): 固网与无线覆盖均满足，同意上报',
    ]);
    expect(forwarded.procedure?.tasks.map((x) => x.elementId)).toEqual(['answerSales']);
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '资源满足' });
    const done = await read(opened.id);
    expect(done.status).toBe('closed');
    expect(done.resourceCheck?.answer).toMatchObject({ resourcesSufficient: true, optimizationNeeded: false });
  });

  test('When the center answers after the check deadline, then every resource records checkedOnTime false', async () => {
    const { request, read, completeOk } = steps;
    // Friday 9 October: three working days are Saturday 10 (make-up day), Monday 12 and Tuesday 13.
    t.clock.set(at('2026-10-09T16:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world, { scope: 'IN_PROVINCE' }));
    expect(opened.resolutionDueAt).toBe(at('2026-10-13T17:30:00').toISOString());
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: true });
    await completeOk(opened.id, 'branchReview', staff.kx, { reviewSummary: '满足' });
    t.clock.set(at('2026-10-13T17:31:00'));
    await completeOk(opened.id, 'answerSales', staff.kx, { answerSummary: '现网满足' });
    const done = await read(opened.id);
    expect(done.resourceCheck?.resources.map((r) => [r.position, r.checkedOnTime])).toEqual([
      [1, false],
      [2, false],
    ]);
  });

  test('When construction says new ducts are built but not how long they take, then the quote is refused naming the field', async () => {
    const { request, openTasks, complete, completeOk } = steps;
    t.clock.set(at('2026-03-30T09:00:00'));
    const opened = await request(world.accountManager.code, requestOf(world));
    await completeOk(opened.id, 'checkNetwork', staff.ops, { networkReady: false });
    await completeOk(opened.id, 'quoteNetworkEquipment', staff.proc, equipment('network', 5_000, 3));
    const refused = await complete(
      opened.id,
      'quoteNetworkBuild',
      staff.cons,
      build('network', { investment: 60_000, newDucts: true, total: 12 }),
    );
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0].extensions?.field).toBe('variables.networkDuctDays');
    const negative = await complete(
      opened.id,
      'quoteNetworkBuild',
      staff.cons,
      build('network', { investment: -1, newDucts: false, total: 5 }),
    );
    expect(negative.errors?.[0].extensions?.field).toBe('variables.networkInvestmentCny');
    expect((await openTasks(opened.id)).map((x) => x.elementId)).toEqual(['quoteNetworkBuild']);
    // Another department's member may not answer for construction.
    expect(
      codesOf(await complete(opened.id, 'quoteNetworkBuild', staff.ops, build('network', { investment: 1, newDucts: false, total: 1 }))),
    ).toEqual(['FORBIDDEN']);
  });
});
