import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id resolutionDueAt reportDueAt } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { status history { action note } procedure { status tasks { id elementId candidateDepartment candidateRole } } } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const REPORT = 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { onTime } }';

interface TicketView {
  status: string;
  history: { action: string; note: string | null }[];
  procedure: {
    status: string;
    tasks: { id: string; elementId: string; candidateDepartment: string | null; candidateRole: string | null }[];
  } | null;
}

const at = (local: string) => new Date(`${local}+08:00`);

/**
 * Restore deadlines by the customer's level, and reminders, chases (催办) and escalations around
 * them, counted on the center's calendar across the 2026 Mid-Autumn and National Day holidays and
 * the make-up Saturday of 10 October.
 */
describe('Fault handling deadlines: reminded before, chased at, escalated after, on the working-day calendar', () => {
  let t: TestHub;
  let gold: World;
  let standard: World;
  let staff: { ops: string; kx: string; sales: string };
  const people: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestHub();
    gold = await makeWorld(t, { level: 'GOLD', circuitCount: 1 });
    standard = await makeWorld(t, { level: 'STANDARD', circuitCount: 1 });
    staff = await makeStaff(t);
    const make = async (code: string, department: string, role: string) => {
      await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { code, name: code, departmentId: gold.departments[department], roles: [role] },
      });
      people[code] = code;
    };
    await make('trans.lin', 'TRANS', 'OPERATIONS');
    await make('trans.boss', 'TRANS', 'SUPERVISOR');
    await make('kx.boss', 'KX', 'SUPERVISOR');
  });
  afterAll(() => t.stop());

  const open = async (world: World, title: string) =>
    (
      await t.ok<{ openTicket: { id: string; resolutionDueAt: string; reportDueAt: string } }>(
        OPEN,
        {
          input: {
            kind: 'FAULT',
            channel: 'PHONE',
            title,
            customerId: world.customer.id,
            circuitIds: [world.circuits[0].id],
            priority: 'HIGH',
          },
        },
        world.duty.code,
      )
    ).openTicket;
  const read = async (id: string) => (await t.ok<{ ticket: TicketView }>(TICKET, { id })).ticket;
  const notes = async (id: string, prefix: string) =>
    (await read(id)).history.filter((e) => e.action === 'NOTE_ADDED' && e.note?.startsWith(prefix)).map((e) => e.note);
  const taskOf = async (id: string, elementId: string) => (await read(id)).procedure?.tasks.find((task) => task.elementId === elementId);
  const complete = async (id: string, elementId: string, who: string, variables: Record<string, unknown> = {}) => {
    const task = await taskOf(id, elementId);
    expect(task).toBeDefined();
    await t.ok(COMPLETE, { id: task?.id, v: variables }, who);
  };
  /** The clock moves to `local` (China time); the timers and the SLA sweep run, twice, to show nothing fires twice. */
  const moveTo = async (local: string) => {
    t.clock.set(at(local));
    for (let i = 0; i < 2; i++) {
      await t.hub.services.processes.poller.runOnce();
      await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    }
  };

  test('When a gold fault dispatched to transmission runs late over National Day, then the owner is reminded, TRANS chased and its supervisors escalated to once each; the report is chased and escalated on the make-up Saturday', async () => {
    t.clock.set(at('2026-09-30T15:00:00'));
    const opened = await open(gold, '国庆前专线中断');
    // Gold restores within 4 hours, round the clock; the fault report is owed by the end of 2 working days (8 and 9 October).
    expect(new Date(opened.resolutionDueAt)).toEqual(at('2026-09-30T19:00:00'));
    expect(new Date(opened.reportDueAt)).toEqual(at('2026-10-09T17:30:00'));
    await complete(opened.id, 'acknowledge', staff.kx, { impact: true });
    await complete(opened.id, 'diagnose', staff.ops, { cause: '传输板卡故障', maintainer: 'TRANS' });
    expect(await taskOf(opened.id, 'restore')).toMatchObject({ candidateDepartment: 'TRANS', candidateRole: null });

    await moveTo('2026-09-30T16:29:00');
    expect(await notes(opened.id, '提醒')).toEqual([]);
    // One working hour before 19:00 is 16:30: the working day ends at 17:30.
    await moveTo('2026-09-30T16:31:00');
    expect(await notes(opened.id, '提醒')).toEqual([`提醒: ${staff.kx}, a deadline is near (remindRestore)`]);
    await moveTo('2026-09-30T19:01:00');
    expect(await notes(opened.id, '催办')).toEqual(['催办: TRANS chased at chase']);
    // An hour of working time after 19:00 on 30 September is 09:30 on 8 October, after the holiday.
    await moveTo('2026-10-07T23:00:00');
    expect(await taskOf(opened.id, 'escalate')).toBeUndefined();
    await moveTo('2026-10-08T09:31:00');
    expect(await taskOf(opened.id, 'escalate')).toMatchObject({ candidateDepartment: 'TRANS', candidateRole: 'SUPERVISOR' });
    // The diagram's escalation is the one: the breached clock opens no second task for the same lateness.
    for (const boss of ['trans.boss', 'kx.boss']) {
      const queue = await t.ok<{ tasks: { instance: { processKey: string; variables: Record<string, unknown> } }[] }>(
        '{ tasks(filter: { myDepartment: true }) { instance { processKey variables } } }',
        {},
        boss,
      );
      const forTicket = queue.tasks
        .filter((task) => task.instance.variables.ticketId === opened.id)
        .map((task) => task.instance.processKey);
      expect({ boss, escalations: forTicket.filter((key) => key === 'sla-escalation') }).toEqual({ boss, escalations: [] });
      if (boss === 'trans.boss') expect(forTicket).toContain('fault-handling');
    }
    expect(await notes(opened.id, '提醒')).toHaveLength(1);
    expect(await notes(opened.id, '催办')).toHaveLength(1);

    await complete(opened.id, 'escalate', 'trans.boss', { restoreDecision: '调派备件，今日内恢复' });
    await complete(opened.id, 'restore', 'trans.lin', { measure: '更换板卡' });
    await complete(opened.id, 'confirm', staff.kx, { customerConfirmed: true });
    expect((await read(opened.id)).status).toBe('resolved');
    expect((await read(opened.id)).procedure?.tasks).toEqual([]);

    // The report: reminded 4 working hours before 17:30 on 9 October, chased at it, escalated a working day later: Saturday 10 October works (调休).
    await moveTo('2026-10-09T13:29:00');
    expect(await notes(opened.id, '提醒')).toHaveLength(1);
    await moveTo('2026-10-09T13:31:00');
    expect(await notes(opened.id, '提醒')).toEqual([
      `提醒: ${staff.kx}, a deadline is near (remindReport)`,
      `提醒: ${staff.kx}, a deadline is near (remindRestore)`,
    ]);
    await moveTo('2026-10-09T17:31:00');
    // The report chase names no department yet: the shared chase handler finds the late one by an open task, and a report wait has none.
    expect(await notes(opened.id, '催办')).toEqual([
      expect.stringMatching(/^催办: .+ chased at chaseReport$/),
      '催办: TRANS chased at chase',
    ]);
    await moveTo('2026-10-10T17:29:00');
    expect(await taskOf(opened.id, 'escalateReport')).toBeUndefined();
    await moveTo('2026-10-10T17:31:00');
    expect(await taskOf(opened.id, 'escalateReport')).toMatchObject({ candidateDepartment: 'KX', candidateRole: 'SUPERVISOR' });
    await complete(opened.id, 'escalateReport', 'kx.boss', { reportDecision: '督促传输室今日提交' });

    const report = await t.ok<{ submitReport: { onTime: boolean } }>(
      REPORT,
      { input: { ticketId: opened.id, kind: 'FAULT', title: '故障报告', content: '传输板卡故障，已更换' } },
      staff.kx,
    );
    expect(report.submitReport.onTime).toBe(false);
    expect((await read(opened.id)).procedure?.tasks.map((task) => task.elementId)).toEqual(['callback']);
    await complete(opened.id, 'callback', staff.kx, { satisfaction: 'NEUTRAL', callbackRemark: '恢复太慢' });
    const closed = await read(opened.id);
    expect(closed).toMatchObject({ status: 'closed', procedure: { status: 'COMPLETED', tasks: [] } });
    expect(await notes(opened.id, '回访')).toEqual(['回访: satisfaction NEUTRAL: 恢复太慢']);
  });

  test('When a standard fault is restored in its 24 hours over Mid-Autumn, its report came early and the customer first says no, then it restores again, skips the report wait and records satisfaction', async () => {
    t.clock.set(at('2026-09-24T10:00:00'));
    const opened = await open(standard, '中秋前访问中断');
    // Standard restores within 24 hours: 10:00 on Mid-Autumn Day itself (faults run round the clock).
    expect(new Date(opened.resolutionDueAt)).toEqual(at('2026-09-25T10:00:00'));
    expect(new Date(opened.reportDueAt)).toEqual(at('2026-09-29T17:30:00'));
    await complete(opened.id, 'acknowledge', staff.kx, { impact: true });
    await complete(opened.id, 'diagnose', staff.ops, { cause: '光缆被挖断', maintainer: 'OPS' });
    // Where a gold customer would be chased already, this one is not: its deadline is a day away.
    await moveTo('2026-09-24T16:29:00');
    expect(await notes(opened.id, '提醒')).toEqual([]);
    // One working hour before a deadline on a holiday: 16:30 on the last working day before it.
    await moveTo('2026-09-24T16:31:00');
    expect(await notes(opened.id, '提醒')).toHaveLength(1);
    await moveTo('2026-09-25T10:01:00');
    expect(await notes(opened.id, '催办')).toEqual(['催办: OPS chased at chase']);
    // Escalation waits for working time: 09:30 on Monday 28 September; restored before it, there is none.
    await moveTo('2026-09-28T09:29:00');
    expect(await taskOf(opened.id, 'escalate')).toBeUndefined();
    await t.ok(REPORT, { input: { ticketId: opened.id, kind: 'FAULT', title: '故障报告', content: '光缆被挖断' } }, staff.ops);
    await complete(opened.id, 'restore', staff.ops, { measure: '熔接' });
    await complete(opened.id, 'confirm', staff.kx, { customerConfirmed: false });
    // Not back for the customer: restoring again, the ticket in progress again.
    const again = await read(opened.id);
    expect(again.status).toBe('inProgress');
    expect(again.procedure?.tasks.map((task) => [task.elementId, task.candidateDepartment])).toEqual([['restore', 'OPS']]);
    await complete(opened.id, 'restore', staff.ops, { measure: '更换尾纤' });
    await complete(opened.id, 'confirm', staff.kx, { customerConfirmed: true });
    await moveTo('2026-09-28T09:31:00');
    expect(await taskOf(opened.id, 'escalate')).toBeUndefined();
    // The report is on file already, so the callback comes next, with no wait for it.
    expect((await read(opened.id)).procedure?.tasks.map((task) => task.elementId)).toEqual(['callback']);
    const refused = await t.gql(COMPLETE, { id: (await taskOf(opened.id, 'callback'))?.id, v: { satisfaction: 'HAPPY' } }, staff.kx);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await complete(opened.id, 'callback', staff.kx, { satisfaction: 'SATISFIED' });
    expect(await read(opened.id)).toMatchObject({ status: 'closed', procedure: { status: 'COMPLETED' } });
    expect(await notes(opened.id, '回访')).toEqual(['回访: satisfaction SATISFIED']);
  });
});
