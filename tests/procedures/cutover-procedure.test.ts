import { ManualClock } from '../../src/shared/clock';
import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import {
  COMPLETE,
  cutoverInput,
  feasibleStart,
  makeCustomer,
  makeCutoverStaff,
  notes,
  noticeTask,
  plan,
  readCutover,
  requestCutover,
  type Staff,
  taskOf,
} from './cutover-world';

const DAY = 24 * 3600_000;
const chinaDay = (at: string | Date) => new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('Cutover notice procedure: the center approves or refuses, each customer is told, a gold customer may refuse the time', () => {
  // The engine arms timers by the real clock: the hub's clock starts at the real now and only moves on.
  const clock = new ManualClock(new Date());
  let t: TestHub;
  let staff: Staff;

  beforeAll(async () => {
    t = await startTestHub({ clock });
    staff = await makeCutoverStaff(t);
  });
  afterAll(() => t.stop());

  const feasible = (worlds: World[], days: number) => feasibleStart(t, staff.ops, worlds, days);
  const request = (worlds: World[], startsAt: Date) => requestCutover(t, staff.ops, worlds, startsAt);

  test('When the center refuses a cutover touching a gold customer, then it needs a reason, the ticket is rejected and nobody is asked to tell anyone', async () => {
    const gold = await makeCustomer(t, 'GOLD');
    const ticket = await request([gold], await feasible([gold], 3));
    const before = await readCutover(t, ticket.id);
    expect(before).toMatchObject({ status: 'acknowledged', cutover: { status: 'AWAITING_APPROVAL' } });
    expect(before.procedure?.tasks.map((x) => x.elementId)).toEqual(['approve']);
    expect(before.cutover.notices.map((n) => n.status)).toEqual(['PENDING']);
    const approve = await taskOf(t, ticket.id, 'approve');
    // Only the response center approves.
    expect(codesOf(await t.gql(COMPLETE, { id: approve, v: { approved: true } }, staff.ops))).toEqual(['FORBIDDEN']);
    expect(codesOf(await t.gql(COMPLETE, { id: approve, v: { approved: false } }, staff.kx))).toEqual(['BAD_USER_INPUT']);
    await t.ok(COMPLETE, { id: approve, v: { approved: false, reason: '与重保期冲突, 请改到重保结束后' } }, staff.kx);

    const after = await readCutover(t, ticket.id);
    expect(after).toMatchObject({
      status: 'rejected',
      procedure: { status: 'COMPLETED', tasks: [], calledInstances: [] },
      cutover: { status: 'REFUSED', decisionReason: '与重保期冲突, 请改到重保结束后' },
    });
    expect(after.cutover.notices.map((n) => n.status)).toEqual(['CANCELLED']);
    expect(notes(after, '割接审批')).toEqual(['割接审批: refused by the response center: 与重保期冲突, 请改到重保结束后']);
  });

  test('When a gold customer refuses the time, then the cutover goes back to rescheduling, the deadlines are counted again and every customer, the one told already too, is told again', async () => {
    const gold = await makeCustomer(t, 'GOLD');
    const bronze = await makeCustomer(t, 'BRONZE');
    const first = await feasible([gold, bronze], 5);
    const ticket = await request([gold, bronze], first);
    await t.ok(COMPLETE, { id: await taskOf(t, ticket.id, 'approve'), v: { approved: true } }, staff.kx);

    const asked = await readCutover(t, ticket.id);
    expect(asked).toMatchObject({ status: 'inProgress', cutover: { status: 'NOTIFYING', round: 1 } });
    expect(asked.procedure?.calledInstances.map((i) => i.status)).toEqual(['WAITING', 'WAITING']);
    const [goldNotice, bronzeNotice] = asked.cutover.notices;
    expect([goldNotice.serviceLevel, bronzeNotice.serviceLevel]).toEqual(['GOLD', 'BRONZE']);
    // Each account manager has the task of its own customer, due on that customer's notifyBy day.
    const bronzeTask = await noticeTask(t, bronze.accountManager.code, bronze.customer.id);
    const goldTask = await noticeTask(t, gold.accountManager.code, gold.customer.id);
    expect(bronzeTask.assignee?.code).toBe(bronze.accountManager.code);
    expect(chinaDay(bronzeTask.dueAt as string)).toBe(bronzeNotice.notifyBy);
    expect(chinaDay(goldTask.dueAt as string)).toBe(goldNotice.notifyBy);
    await expect(noticeTask(t, gold.accountManager.code, bronze.customer.id)).rejects.toThrow(/no open notice task/);

    // Only a gold or diamond customer may refuse; the bronze is told and accepts.
    expect(
      codesOf(
        await t.gql(COMPLETE, { id: bronzeTask.id, v: { customerAgrees: false, refusalReason: '月底结账' } }, bronze.accountManager.code),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    await t.ok(COMPLETE, { id: bronzeTask.id, v: { customerAgrees: true, contactPerson: '网络部 陈工' } }, bronze.accountManager.code);
    expect(codesOf(await t.gql(COMPLETE, { id: goldTask.id, v: { customerAgrees: false } }, gold.accountManager.code))).toEqual([
      'BAD_USER_INPUT',
    ]);
    await t.ok(
      COMPLETE,
      { id: goldTask.id, v: { customerAgrees: false, refusalReason: '当天有线上发布会, 不能中断' } },
      gold.accountManager.code,
    );

    const refused = await readCutover(t, ticket.id);
    expect(refused.cutover.status).toBe('RESCHEDULING');
    expect(refused.procedure?.tasks.map((x) => x.elementId)).toEqual(['reschedule']);
    expect(refused.cutover.notices.map((n) => [n.serviceLevel, n.status, n.timesTold, n.customerAgrees])).toEqual([
      ['GOLD', 'REFUSED', 1, false],
      ['BRONZE', 'TOLD', 1, true],
    ]);
    expect(refused.cutover.notices[0].refusalReason).toBe('当天有线上发布会, 不能中断');

    // A new time too soon for the gold is refused, naming it; a week later is taken.
    const reschedule = await taskOf(t, ticket.id, 'reschedule');
    const tooSoon = new Date(clock.now().getTime() + 2 * DAY);
    const soonAnswer = await t.gql(
      COMPLETE,
      { id: reschedule, v: { startsAt: tooSoon.toISOString(), endsAt: new Date(tooSoon.getTime() + 3600_000).toISOString() } },
      staff.ops,
    );
    expect(codesOf(soonAnswer)).toEqual(['BAD_USER_INPUT']);
    expect(soonAnswer.errors?.[0].message).toContain(`${goldNotice.customer.code} (GOLD) had to be told by`);
    const second = new Date(first.getTime() + 7 * DAY);
    await t.ok(
      COMPLETE,
      {
        id: reschedule,
        v: {
          startsAt: second.toISOString(),
          endsAt: new Date(second.getTime() + 4 * 3600_000).toISOString(),
          note: '客户同意下周同一时段',
        },
      },
      staff.ops,
    );

    const again = await readCutover(t, ticket.id);
    expect(again.cutover).toMatchObject({ status: 'NOTIFYING', round: 2, startsAt: second.toISOString() });
    const planned = await plan(t, cutoverInput([gold, bronze], second), staff.ops);
    expect(again.cutover.notices.map((n) => [n.serviceLevel, n.status, n.round, n.notifyBy, n.timesTold])).toEqual([
      ['GOLD', 'OPEN', 2, planned.notices[0].notifyBy, 1],
      ['BRONZE', 'OPEN', 2, planned.notices[1].notifyBy, 1],
    ]);
    expect(again.cutover.notices[1].notifyBy > bronzeNotice.notifyBy).toBe(true);
    // The ticket is done a working day after the new window, and the reschedule is on record.
    expect(new Date(again.resolutionDueAt).getTime()).toBeGreaterThan(second.getTime());
    expect(notes(again, '割接改期')).toHaveLength(1);
    // Both are asked again: the bronze, told in round 1, gets a new task too.
    const bronzeAgain = await noticeTask(t, bronze.accountManager.code, bronze.customer.id);
    expect(bronzeAgain.id).not.toBe(bronzeTask.id);
    expect(chinaDay(bronzeAgain.dueAt as string)).toBe(planned.notices[1].notifyBy);
    await t.ok(COMPLETE, { id: bronzeAgain.id, v: { customerAgrees: true } }, bronze.accountManager.code);
    await t.ok(
      COMPLETE,
      { id: (await noticeTask(t, gold.accountManager.code, gold.customer.id)).id, v: { customerAgrees: true } },
      gold.accountManager.code,
    );
    const told = await readCutover(t, ticket.id);
    expect(told.cutover.notices.map((n) => [n.status, n.timesTold])).toEqual([
      ['TOLD', 2],
      ['TOLD', 2],
    ]);
    expect(told.procedure?.tasks.map((x) => x.elementId)).toEqual([]);
    expect(told.procedure?.calledInstances.map((i) => i.status).sort()).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
  });
});
