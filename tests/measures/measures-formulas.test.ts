import { ManualClock } from '../../src/shared/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { cst, customerWithCircuits, ext, fractions, importRows, type MeasureView, measures } from './measures.helpers';

/**
 * A hand-made April 2026 with known answers, imported through the API:
 * customer A (GOLD): faults restored in time 2 of 3 service-affecting (a third fault did not affect
 * service), fault reports on time 1 of 3 owed (one fault owed none), 3 of 4 resources checked on
 * time, a provisioning order of 2 circuits activated on time with its test report;
 * customer B (SILVER): no fault, 0 of 2 resources on time, 1 circuit activated late.
 * May: only a resource check of A's, on time.
 */
describe('The measures, computed from what happened', () => {
  let t: TestHub;
  let a: { id: string; code: string; circuitCodes: string[] };
  let b: { id: string; code: string; circuitCodes: string[] };
  const center = async (from: string, to: string) => (await measures(t, from, to, 'CENTER'))[0];

  beforeAll(async () => {
    t = await startTestHub({ clock: new ManualClock(new Date('2026-07-20T10:00:00+08:00')) });
    a = await customerWithCircuits(t, 'GOLD', 2);
    b = await customerWithCircuits(t, 'SILVER', 1);
    const fault = (
      label: string,
      day: string,
      restored: string,
      affecting: boolean,
      report: { due: string; delivered?: string } | null,
    ) => ({
      externalId: ext(label),
      kind: 'FAULT',
      customerCode: a.code,
      circuitCodes: [a.circuitCodes[0]],
      title: `故障 ${label}`,
      openedAt: cst(`${day} 09:00`),
      resolutionDueAt: cst(`${day} 13:00`),
      resolvedAt: cst(restored),
      closedAt: cst('2026-04-30 12:00'),
      serviceAffecting: affecting,
      ...(report
        ? { reportDueAt: cst(report.due), reportDeliveredAt: report.delivered ? cst(report.delivered) : undefined }
        : { reportOwed: false }),
    });
    await importRows(t, [
      fault('F1', '2026-04-07', '2026-04-07 12:00', true, { due: '2026-04-09 17:30', delivered: '2026-04-09 10:00' }),
      fault('F2', '2026-04-14', '2026-04-14 15:00', true, { due: '2026-04-16 17:30', delivered: '2026-04-17 10:00' }),
      fault('F3', '2026-04-20', '2026-04-20 18:00', false, { due: '2026-04-22 17:30', delivered: '2026-04-23 09:00' }),
      fault('F4', '2026-04-21', '2026-04-21 12:30', true, null),
      {
        externalId: ext('RC1'),
        kind: 'RESOURCE_CHECK',
        customerCode: a.code,
        title: '资源核查 新址',
        openedAt: cst('2026-04-08 10:00'),
        resolutionDueAt: cst('2026-04-13 17:30'),
        resolvedAt: cst('2026-04-10 16:00'),
        resourcesToCheck: 4,
        resourcesCheckedOnTime: 3,
      },
      {
        externalId: ext('P1'),
        kind: 'CIRCUIT_DISPATCH',
        customerCode: a.code,
        circuitCodes: a.circuitCodes,
        title: '电路调单 两条专线',
        openedAt: cst('2026-04-01 10:00'),
        resolutionDueAt: cst('2026-04-15 17:30'),
        resolvedAt: cst('2026-04-14 16:00'),
        reportDueAt: cst('2026-04-15 17:30'),
        reportDeliveredAt: cst('2026-04-15 10:00'),
      },
      {
        externalId: ext('P2'),
        kind: 'CIRCUIT_DISPATCH',
        customerCode: b.code,
        circuitCodes: b.circuitCodes,
        title: '电路调单 一条专线',
        openedAt: cst('2026-04-02 10:00'),
        resolutionDueAt: cst('2026-04-16 17:30'),
        resolvedAt: cst('2026-04-20 11:00'),
        reportDueAt: cst('2026-04-16 17:30'),
        reportDeliveredAt: cst('2026-04-20 15:00'),
      },
      {
        externalId: ext('RC2'),
        kind: 'RESOURCE_CHECK',
        customerCode: b.code,
        title: '资源核查 分支机构',
        openedAt: cst('2026-04-22 10:00'),
        resolutionDueAt: cst('2026-04-28 17:30'),
        resolvedAt: cst('2026-04-29 16:00'),
        resourcesToCheck: 2,
        resourcesCheckedOnTime: 0,
      },
      {
        externalId: ext('RC3'),
        kind: 'RESOURCE_CHECK',
        customerCode: a.code,
        title: '资源核查 五月',
        openedAt: cst('2026-05-06 10:00'),
        resolutionDueAt: cst('2026-05-12 17:30'),
        resolvedAt: cst('2026-05-08 16:00'),
        resourcesToCheck: 1,
        resourcesCheckedOnTime: 1,
      },
    ]);
  });
  afterAll(() => t.stop());

  test('When April is measured for the center, then each rate has its known parts and percent', async () => {
    const april = await center('2026-04-01', '2026-04-30');
    expect(april.key).toBe('CENTER');
    // 3 of A's 4 and none of B's 2 resources on time.
    expect(april.resourceCheckTimeliness).toMatchObject({ percent: 50, parts: [{ numerator: 3, denominator: 6, weight: 1 }] });
    // (2/3 restored in time x 0.7 + 1/3 reports on time x 0.3) x 100
    expect(fractions(april.faultRestoreAndReportTimeliness)).toEqual(['2/3', '1/3']);
    expect(april.faultRestoreAndReportTimeliness.parts.map((p) => p.weight)).toEqual([0.7, 0.3]);
    expect(april.faultRestoreAndReportTimeliness.percent).toBe(56.67);
    // A provisioning ticket counts each of its circuits: A's 2 on time, B's 1 late.
    expect(april.provisioningTimeliness).toMatchObject({ percent: 66.67, parts: [{ numerator: 2, denominator: 3 }] });
    // 50% of the fault rate + 50% of the provisioning rate = 0.35 x 2/3 + 0.15 x 1/3 + 0.5 x 2/3
    expect(fractions(april.perceptionIndex)).toEqual(['2/3', '1/3', '2/3']);
    expect(april.perceptionIndex.parts.map((p) => p.weight)).toEqual([0.35, 0.15, 0.5]);
    expect(april.perceptionIndex.percent).toBe(61.67);
    // Every imported ticket was resolved in April: 4 faults, 2 checks, 2 orders.
    expect(april.responseWorkDone).toBe(8);
  });

  test('When April is measured, then the provisioning cycle is the average of the orders’ working days and the missed Q1 report counts', async () => {
    const april = await center('2026-04-01', '2026-04-30');
    const days = async (from: string, to: string) =>
      (await t.ok<{ workingDays: number }>('query($f: Date!, $t: Date!) { workingDays(from: $f, to: $t) }', { f: from, t: to }))
        .workingDays;
    // Working days after the order's day up to its activation's day.
    const cycles = [await days('2026-04-02', '2026-04-14'), await days('2026-04-03', '2026-04-20')];
    expect(april.provisioningOrdersCompleted).toBe(2);
    expect(april.averageProvisioningCycleWorkingDays).toBe(Math.round(((cycles[0] + cycles[1]) / 2) * 100) / 100);
    // Q1's report fell due in April (10 working days after March 31) and was never submitted.
    expect(april.quarterlyReportTimeliness).toMatchObject({ percent: 0, parts: [{ numerator: 0, denominator: 1 }] });
  });

  test('When a period has no faults and no provisioning, then the fault rate and the perception index are null, not 0 or 100', async () => {
    const may = await center('2026-05-01', '2026-05-31');
    expect(may.resourceCheckTimeliness).toMatchObject({ percent: 100, parts: [{ numerator: 1, denominator: 1 }] });
    expect(may.faultRestoreAndReportTimeliness).toMatchObject({ percent: null, parts: [{ denominator: 0 }, { denominator: 0 }] });
    expect(may.provisioningTimeliness.percent).toBeNull();
    expect(may.perceptionIndex.percent).toBeNull();
    expect(may.averageProvisioningCycleWorkingDays).toBeNull();
    const june = await center('2026-06-01', '2026-06-30');
    expect([june.resourceCheckTimeliness.percent, june.quarterlyReportTimeliness.percent, june.responseWorkDone]).toEqual([null, null, 0]);
  });

  test('When grouped by customer, then each customer has its own row; one with no fault has no fault rate, and 0 of 2 is 0%', async () => {
    const rows = await measures(t, '2026-04-01', '2026-04-30', 'CUSTOMER');
    const of = (id: string) => rows.find((r) => r.key === id) as MeasureView;
    expect(rows.map((r) => r.key).sort()).toEqual([a.id, b.id].sort());
    expect(of(a.id).group).toContain(a.code);
    expect(of(a.id).resourceCheckTimeliness.percent).toBe(75);
    expect(of(a.id).provisioningTimeliness.percent).toBe(100);
    // 0.35 x 2/3 + 0.15 x 1/3 + 0.5 x 2/2
    expect(of(a.id).perceptionIndex.percent).toBe(78.33);
    expect(of(b.id).resourceCheckTimeliness).toMatchObject({ percent: 0, parts: [{ numerator: 0, denominator: 2 }] });
    expect(of(b.id).faultRestoreAndReportTimeliness.percent).toBeNull();
    expect(of(b.id).perceptionIndex.percent).toBeNull();
    expect(of(b.id).provisioningTimeliness.percent).toBe(0);
    // The quarterly report is the center's: no customer's row measures it.
    expect(of(a.id).quarterlyReportTimeliness.percent).toBeNull();
  });

  test('When grouped by service level, then all five levels are listed and each holds its customers’ items', async () => {
    const rows = await measures(t, '2026-04-01', '2026-04-30', 'SERVICE_LEVEL');
    expect(rows.map((r) => r.key)).toEqual(['DIAMOND', 'GOLD', 'SILVER', 'BRONZE', 'STANDARD']);
    const [diamond, gold, silver] = rows;
    expect(fractions(gold.faultRestoreAndReportTimeliness)).toEqual(['2/3', '1/3']);
    expect(fractions(gold.resourceCheckTimeliness)).toEqual(['3/4']);
    expect(fractions(silver.provisioningTimeliness)).toEqual(['0/1']);
    expect([diamond.resourceCheckTimeliness.percent, diamond.perceptionIndex.percent, diamond.responseWorkDone]).toEqual([null, null, 0]);
  });

  test('When grouped by department, then the owning department (the center, for imported tickets) has the center’s figures', async () => {
    const [only, ...others] = await measures(t, '2026-04-01', '2026-04-30', 'DEPARTMENT');
    expect(others).toEqual([]);
    expect(only.key).toBe('KX');
    const whole = await center('2026-04-01', '2026-04-30');
    expect(only.perceptionIndex).toEqual(whole.perceptionIndex);
    expect(only.responseWorkDone).toBe(8);
  });

  test('When grouped by month, then every month of the period has a row, counted by the month its deadline fell in', async () => {
    const rows = await measures(t, '2026-04-01', '2026-06-30', 'MONTH');
    expect(rows.map((r) => r.key)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(fractions(rows[0].resourceCheckTimeliness)).toEqual(['3/6']);
    expect(fractions(rows[1].resourceCheckTimeliness)).toEqual(['1/1']);
    expect(rows[1].faultRestoreAndReportTimeliness.percent).toBeNull();
    expect(fractions(rows[0].quarterlyReportTimeliness)).toEqual(['0/1']);
    // The whole period, grouped, adds up to the center.
    const whole = await center('2026-04-01', '2026-06-30');
    expect(rows.reduce((n, r) => n + r.resourceCheckTimeliness.parts[0].denominator, 0)).toBe(
      whole.resourceCheckTimeliness.parts[0].denominator,
    );
  });

  test('When a fault’s restore deadline has not passed yet, then it is not counted; once it passes unrestored, it counts as missed', async () => {
    // Opened an hour ago; a gold fault is due within 4 hours (the policy, as no deadline is given).
    await importRows(t, [
      {
        externalId: ext('F-open'),
        kind: 'FAULT',
        customerCode: a.code,
        circuitCodes: [a.circuitCodes[1]],
        title: '故障 未恢复',
        openedAt: cst('2026-07-20 09:00'),
        respondedAt: cst('2026-07-20 09:10'),
        serviceAffecting: true,
      },
    ]);
    expect(fractions((await center('2026-07-20', '2026-07-20')).faultRestoreAndReportTimeliness)).toEqual(['0/0', '0/0']);
    t.clock.set(new Date('2026-07-20T14:00:00+08:00'));
    expect(fractions((await center('2026-07-20', '2026-07-20')).faultRestoreAndReportTimeliness)).toEqual(['0/1', '0/0']);
  });

  test('When the period is upside down or longer than three years, then it is refused naming `to`', async () => {
    for (const [from, to] of [
      ['2026-05-01', '2026-04-01'],
      ['2020-01-01', '2026-01-01'],
    ]) {
      const answer = await t.gql(`query { measures(from: "${from}", to: "${to}") { key } }`);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    }
  });

  test('When more customers have measures, then the statements sent stay the same: the database aggregates every group at once', async () => {
    const ask = () => measures(t, '2026-04-01', '2026-04-30', 'CUSTOMER');
    await ask();
    const before = await t.countStatements(ask);
    for (let i = 0; i < 3; i++) {
      const more = await customerWithCircuits(t, 'BRONZE', 0);
      await importRows(t, [
        {
          externalId: ext(`RC-more-${i}`),
          kind: 'RESOURCE_CHECK',
          customerCode: more.code,
          title: '资源核查',
          openedAt: cst('2026-04-10 10:00'),
          resolutionDueAt: cst('2026-04-15 17:30'),
          resolvedAt: cst('2026-04-14 10:00'),
          resourcesToCheck: 1,
          resourcesCheckedOnTime: 1,
        },
      ]);
    }
    let rows: MeasureView[] = [];
    const after = await t.countStatements(async () => {
      rows = await ask();
    });
    expect(rows).toHaveLength(5);
    expect(after.count).toBe(before.count);
    expect(after.count).toBeLessThanOrEqual(3);
  });
});
