import { ManualClock } from '../../src/shared/clock';
import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import { cutoverInput, makeCustomer, makeCutoverStaff, type NoticeView, plan, REQUEST, type Staff } from './cutover-world';

const LEVELS = ['DIAMOND', 'GOLD', 'SILVER', 'BRONZE', 'STANDARD'] as const;
const china = (local: string) => new Date(`${local}+08:00`);
const CUTOVER_TICKETS = '{ tickets(first: 1, filter: { kinds: [CUTOVER_NOTICE] }) { totalCount } }';
const POLICY = '{ cutoverNoticePolicy { version changed emergencyHours leadTimes { serviceLevel workingDays } updatedBy { code } } }';
const SET_POLICY = `mutation($input: SetCutoverNoticePolicyInput!) { setCutoverNoticePolicy(input: $input) {
  version changed leadTimes { serviceLevel workingDays } } }`;

describe('Cutover notices: by when each customer must be told (割接预通告: 金牌 5, 银牌 4, 铜牌及标准 3 个工作日)', () => {
  // Planning reads no timers: the clock may stand anywhere in the years the tests look at.
  const clock = new ManualClock(china('2025-12-01T09:00:00'));
  let t: TestHub;
  let staff: Staff;
  const byLevel: Record<string, World> = {};

  beforeAll(async () => {
    t = await startTestHub({ clock });
    staff = await makeCutoverStaff(t);
    for (const level of LEVELS) byLevel[level] = await makeCustomer(t, level);
  });
  afterAll(() => t.stop());

  const everyLevel = () => LEVELS.map((level) => byLevel[level]);
  const deadlines = (notices: NoticeView[]) => Object.fromEntries(notices.map((n) => [n.customer.serviceLevel, n.notifyBy]));
  const cutoverTickets = async () => (await t.ok<{ tickets: { totalCount: number } }>(CUTOVER_TICKETS)).tickets.totalCount;

  // [the cutover's day, diamond and gold, silver, bronze and standard]: counted back from that day, it not counted.
  test.each([
    ['National Day: Oct 1-7 and Mid-Autumn Sep 25-27 are skipped', '2026-10-09', '2026-09-24', '2026-09-28', '2026-09-29'],
    ['the make-up Saturday 2026-10-10 counts as a working day', '2026-10-12', '2026-09-29', '2026-09-30', '2026-10-08'],
    ['Mid-Autumn, with the make-up Sunday 2026-09-20', '2026-09-28', '2026-09-20', '2026-09-21', '2026-09-22'],
    ['Labor Day May 1-5, with the make-up Saturday 2026-05-09', '2026-05-11', '2026-04-30', '2026-05-06', '2026-05-07'],
    ['the Spring Festival Feb 15-23, with the make-up Saturday 2026-02-14', '2026-02-25', '2026-02-11', '2026-02-12', '2026-02-13'],
    ['the make-up Saturday 2026-02-28 after the Spring Festival', '2026-03-02', '2026-02-24', '2026-02-25', '2026-02-26'],
    ['the Dragon Boat Festival Jun 19-21', '2026-06-22', '2026-06-12', '2026-06-15', '2026-06-16'],
    [
      'New Year Jan 1-3 2026 with the make-up Sunday Jan 4, across the year boundary',
      '2026-01-05',
      '2025-12-26',
      '2025-12-29',
      '2025-12-30',
    ],
  ])('When a cutover is planned (%s), then each level is told by the Nth working day before it', async (_why, day, gold, silver, bronze) => {
    // 01:00 China time is still the evening before in UTC: the cutover's day is China's.
    const planned = await plan(t, cutoverInput(everyLevel(), china(`${day}T01:00:00`)), staff.ops);
    expect(deadlines(planned.notices)).toEqual({ DIAMOND: gold, GOLD: gold, SILVER: silver, BRONZE: bronze, STANDARD: bronze });
    expect(planned.notices.map((n) => [n.customer.serviceLevel, n.leadTime.workingDays])).toEqual([
      ['DIAMOND', 5],
      ['GOLD', 5],
      ['SILVER', 4],
      ['BRONZE', 3],
      ['STANDARD', 3],
    ]);
    // The chase falls at the close of that working day (17:30 China time).
    const gold5 = planned.notices.find((n) => n.customer.serviceLevel === 'GOLD');
    expect(gold5?.notifyDueAt).toBe(china(`${gold}T17:30:00`).toISOString());
    expect(planned.notices.every((n) => n.id === null && n.status === 'PLANNED' && n.circuits?.length === 1)).toBe(true);
  });

  test('When the 2027 schedule is entered, then a cutover early in 2027 counts back across the New Year on it, not on Monday to Friday', async () => {
    const input = cutoverInput([byLevel.GOLD, byLevel.SILVER, byLevel.BRONZE], china('2027-01-05T02:00:00'));
    // Not published yet: 2027-01-01 (a Friday) is assumed a working day.
    expect(deadlines((await plan(t, input, staff.ops)).notices)).toEqual({
      GOLD: '2026-12-29',
      SILVER: '2026-12-30',
      BRONZE: '2026-12-31',
    });
    await t.ok(`mutation($input: SetHolidayScheduleInput!) { setHolidaySchedule(input: $input) { year } }`, {
      input: {
        year: 2027,
        holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({ day, name: '元旦' })),
        makeupWorkdays: [],
      },
    });
    expect(deadlines((await plan(t, input, staff.ops)).notices)).toEqual({
      GOLD: '2026-12-28',
      SILVER: '2026-12-29',
      BRONZE: '2026-12-30',
    });
  });

  test('When a cutover touches a gold and a bronze customer and only the bronze can still be told in time, then the gold is late, the request is refused naming it, and earliestStart suits both', async () => {
    clock.set(china('2026-03-02T10:00:00'));
    const worlds = [byLevel.GOLD, byLevel.BRONZE];
    // Friday 2026-03-06: bronze by Tue 03-03 (still ahead), gold by the make-up Saturday 02-28 (gone).
    const input = cutoverInput(worlds, china('2026-03-06T01:00:00'));
    const planned = await plan(t, input, staff.ops);
    expect(deadlines(planned.notices)).toEqual({ GOLD: '2026-02-28', BRONZE: '2026-03-03' });
    expect(planned.late).toEqual([{ customer: { code: expect.any(String) }, notifyBy: '2026-02-28' }]);
    expect(planned.late[0].customer.code).toBe(planned.notices.find((n) => n.serviceLevel === 'GOLD')?.customer.code);
    expect(planned.notices.map((n) => [n.serviceLevel, n.late])).toEqual([
      ['GOLD', true],
      ['BRONZE', false],
    ]);
    expect({ feasible: planned.feasible, needsApproval: planned.needsApproval }).toEqual({ feasible: false, needsApproval: true });
    // Told today at the earliest (Mon 03-02), the gold's 5th working day is Fri 03-06: the first start is Saturday 00:00.
    expect(planned.earliestStart).toBe(china('2026-03-07T00:00:00').toISOString());

    const before = await cutoverTickets();
    const refused = await t.gql(REQUEST, { input }, staff.ops);
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
    const gold = planned.late[0].customer.code;
    expect(refused.errors?.[0].message).toContain(`${gold} (GOLD) had to be told by 2026-02-28`);
    expect(refused.errors?.[0].extensions).toMatchObject({ field: 'startsAt', lateCustomers: [gold], deadlines: ['2026-02-28'] });
    expect(await cutoverTickets()).toBe(before);
    expect((await t.ok<{ cutoverNotices: unknown[] }>('{ cutoverNotices { id } }')).cutoverNotices).toEqual([]);

    // At earliestStart both can be told in time, and the request is taken.
    const atEarliest = cutoverInput(worlds, new Date(planned.earliestStart));
    const replanned = await plan(t, atEarliest, staff.ops);
    expect({ feasible: replanned.feasible, late: replanned.late, deadlines: deadlines(replanned.notices) }).toEqual({
      feasible: true,
      late: [],
      deadlines: { GOLD: '2026-03-02', BRONZE: '2026-03-04' },
    });
    // A minute earlier, the gold is late again: it is the first such start.
    const justBefore = await plan(t, cutoverInput(worlds, new Date(new Date(planned.earliestStart).getTime() - 60_000)), staff.ops);
    expect(justBefore.late.map((n) => n.notifyBy)).toEqual(['2026-02-28']);
    const { requestCutover } = await t.ok<{
      requestCutover: { status: string; needsApproval: boolean; ticket: { kind: string; status: string } };
    }>(REQUEST, { input: atEarliest }, staff.cons);
    expect(requestCutover).toMatchObject({
      status: 'AWAITING_APPROVAL',
      needsApproval: true,
      ticket: { kind: 'CUTOVER_NOTICE', status: 'acknowledged' },
    });
    expect(await cutoverTickets()).toBe(before + 1);
  });

  test('When an emergency comes without a reason, or with less than 24 hours of notice, then it is refused and nothing is stored; with both, each customer is due 24 hours before', async () => {
    clock.set(china('2026-03-10T10:00:00'));
    const worlds = [byLevel.GOLD, byLevel.SILVER];
    const tomorrow = china('2026-03-11T12:00:00');
    const before = await cutoverTickets();

    const noReason = await t.gql(REQUEST, { input: cutoverInput(worlds, tomorrow, { emergency: true }) }, staff.ops);
    expect(codesOf(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0].extensions?.field).toBe('reason');
    const blankReason = await t.gql(REQUEST, { input: cutoverInput(worlds, tomorrow, { emergency: true, reason: '   ' }) }, staff.ops);
    expect(codesOf(blankReason)).toEqual(['BAD_USER_INPUT']);

    const soon = china('2026-03-11T09:00:00');
    const short = await t.gql(
      REQUEST,
      { input: cutoverInput(worlds, soon, { emergency: true, reason: '核心路由器板卡过热, 有宕机风险' }) },
      staff.ops,
    );
    expect(codesOf(short)).toEqual(['BAD_USER_INPUT']);
    expect(short.errors?.[0].message).toMatch(/at least 24 hours/);
    expect(await cutoverTickets()).toBe(before);

    // Not an emergency, the same time is far too soon for a gold customer's 5 working days.
    expect((await plan(t, cutoverInput(worlds, tomorrow), staff.ops)).feasible).toBe(false);
    const input = cutoverInput(worlds, tomorrow, { emergency: true, reason: '核心路由器板卡过热, 有宕机风险 (重大安全隐患)' });
    const planned = await plan(t, input, staff.ops);
    expect(planned).toMatchObject({ feasible: true, late: [], earliestStart: china('2026-03-11T10:00:00').toISOString() });
    const { requestCutover } = await t.ok<{ requestCutover: { emergency: boolean; reason: string; notices: NoticeView[] } }>(
      REQUEST,
      { input },
      staff.ops,
    );
    expect(requestCutover.emergency).toBe(true);
    expect(requestCutover.reason).toContain('重大安全隐患');
    for (const notice of requestCutover.notices) {
      expect(notice).toMatchObject({ leadTime: { workingDays: null, hours: 24 }, notifyBy: '2026-03-10', status: 'PENDING', late: false });
      expect(notice.notifyDueAt).toBe(china('2026-03-10T12:00:00').toISOString());
    }
    expect(await cutoverTickets()).toBe(before + 1);
  });

  test('When an administrator changes the lead times, then plans count on them; others may not, and a stale version is refused', async () => {
    const initial = await t.ok<{
      cutoverNoticePolicy: { version: number; changed: boolean; emergencyHours: number; leadTimes: unknown[] };
    }>(POLICY, {}, staff.kx);
    expect(initial.cutoverNoticePolicy).toMatchObject({
      version: 0,
      changed: false,
      emergencyHours: 24,
      leadTimes: [
        { serviceLevel: 'DIAMOND', workingDays: 5 },
        { serviceLevel: 'GOLD', workingDays: 5 },
        { serviceLevel: 'SILVER', workingDays: 4 },
        { serviceLevel: 'BRONZE', workingDays: 3 },
        { serviceLevel: 'STANDARD', workingDays: 3 },
      ],
    });
    const change = { leadTimes: [{ serviceLevel: 'DIAMOND', workingDays: 7 }], emergencyHours: 48, version: 0 };
    expect(codesOf(await t.gql(SET_POLICY, { input: change }, staff.kx))).toEqual(['FORBIDDEN']);
    await t.ok(SET_POLICY, { input: change });
    expect(codesOf(await t.gql(SET_POLICY, { input: change }))).toEqual(['CONFLICT']);
    const changed = await t.ok<{
      cutoverNoticePolicy: { version: number; changed: boolean; emergencyHours: number; updatedBy: { code: string } };
    }>(POLICY, {}, staff.ops);
    expect(changed.cutoverNoticePolicy).toMatchObject({ version: 1, changed: true, emergencyHours: 48, updatedBy: { code: 'admin' } });
    const planned = await plan(t, cutoverInput([byLevel.DIAMOND, byLevel.GOLD], china('2026-10-09T01:00:00')), staff.ops);
    // Seven working days before Oct 9: Oct 8, Sep 30, 29, 28, 24, 23, 22.
    expect(deadlines(planned.notices)).toEqual({ DIAMOND: '2026-09-22', GOLD: '2026-09-24' });
    await t.ok(SET_POLICY, { input: { leadTimes: [{ serviceLevel: 'DIAMOND', workingDays: 5 }], emergencyHours: 24, version: 1 } });
  });

  test('When a plan names an unknown circuit, a circuit twice, or a window that closes before it opens, then it is BAD_USER_INPUT naming the field', async () => {
    const base = cutoverInput([byLevel.GOLD], china('2026-10-09T01:00:00'));
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, circuitIds: ['00000000-0000-4000-8000-000000000001'] }, 'circuitIds'],
      [{ ...base, circuitIds: [...base.circuitIds, ...base.circuitIds] }, 'circuitIds'],
      [{ ...base, circuitIds: [] }, 'circuitIds'],
      [{ ...base, endsAt: base.startsAt }, 'endsAt'],
    ];
    for (const [input, field] of cases) {
      const answer = await t.gql('query($input: CutoverInput!) { planCutover(input: $input) { feasible } }', { input }, staff.ops);
      expect({ field, codes: codesOf(answer) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
      expect(JSON.stringify(answer.errors)).toContain(field);
    }
  });
});
