import { type ServiceHandler, ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { notifyAffectedCustomers } from '../../src/procedures/emergency-response/notify-affected-customers.handler';
import { ManualClock } from '../../src/shared/clock';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';
import { codesOf } from '../support/transports';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number status procedure { id processKey status } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) {
  status history { action note }
  notifications { circuitCodes message expectedRecoveryAt customer { id } }
  procedure { status tasks { id elementId candidateDepartment candidateRole } }
} }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const REPORT = 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { kind } }';
const CUSTOMER_NOTIFICATIONS = 'query($id: ID!) { customer(id: $id) { id notifications { circuitCodes message } } }';

interface TicketView {
  status: string;
  history: { action: string; note: string | null }[];
  notifications: { circuitCodes: string[]; message: string; expectedRecoveryAt: string | null; customer: { id: string } }[];
  procedure: {
    status: string;
    tasks: { id: string; elementId: string; candidateDepartment: string | null; candidateRole: string | null }[];
  };
}

const notes = (ticket: TicketView, prefix: string) => ticket.history.filter((e) => e.action === 'NOTE_ADDED' && e.note?.startsWith(prefix));

describe('Emergency response (应急预案): the lead assesses, the level picks the plan, the plan is chased, the review closes it', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  // The real handler, run twice in each try, and the first try of a step made to fail when asked:
  // a retried step, and a handler run again, must tell each customer once.
  let flaky = false;
  let tries = 0;
  const real = notifyAffectedCustomers(clock);
  const wrapped: ServiceHandler = async (call) => {
    tries++;
    const answer = await real(call);
    await real(call);
    if (flaky && tries === 1) throw new Error('the SMS gateway timed out');
    return answer;
  };
  const registry = new ServiceRegistry().register('notifyAffectedCustomers', wrapped);
  let t: TestHub;
  let a: World;
  let b: World;
  let staff: { ops: string; kx: string; sales: string };
  let lead: string;
  let importantTicket = '';

  beforeAll(async () => {
    t = await startTestHub({ clock, registry });
    a = await makeWorld(t, { circuitCount: 2 });
    b = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
    lead = `lead.${Math.random().toString(36).slice(2, 8)}`;
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code: lead, name: '张主任', departmentId: a.departments.KX, roles: ['SUPERVISOR'] },
    });
  });
  afterAll(() => t.stop());

  const open = async (title: string) =>
    (
      await t.ok<{ openTicket: { id: string; status: string; procedure: { processKey: string; status: string } } }>(
        OPEN,
        {
          input: {
            kind: 'EMERGENCY',
            channel: 'PHONE',
            title,
            customerId: a.customer.id,
            circuitIds: [a.circuits[0].id],
            priority: 'MEDIUM',
          },
        },
        a.duty.code,
      )
    ).openTicket;
  const read = async (id: string) => (await t.ok<{ ticket: TicketView }>(TICKET, { id })).ticket;
  const taskOf = async (id: string, elementId: string) => {
    const ticket = await read(id);
    const task = ticket.procedure.tasks.find((x) => x.elementId === elementId);
    expect({ elementId, open: ticket.procedure.tasks.map((x) => x.elementId) }).toEqual({
      elementId,
      open: expect.arrayContaining([elementId]),
    });
    return task as TicketView['procedure']['tasks'][number];
  };
  const complete = async (id: string, elementId: string, who: string, v: Record<string, unknown> = {}) =>
    t.ok(COMPLETE, { id: (await taskOf(id, elementId)).id, v }, who);
  const review = async (id: string) => {
    const early = await t.gql(COMPLETE, { id: (await taskOf(id, 'review')).id, v: { improvements: '增加备用链路演练' } }, lead);
    expect(codesOf(early)).toEqual(['BAD_USER_INPUT']);
    await t.ok(REPORT, { input: { ticketId: id, kind: 'REVIEW', title: '应急事件总结', content: '原因、处置过程与改进措施' } });
    await complete(id, 'review', lead, { improvements: '增加备用链路演练' });
  };
  const tick = async () => {
    await t.hub.services.processes.poller.runOnce();
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
  };

  test('When the lead grades it URGENT, then technicians of the chosen department are dispatched, and the review with its report closes it', async () => {
    const opened = await open('机房停电');
    expect(opened).toMatchObject({ status: 'acknowledged', procedure: { processKey: 'emergency-response', status: 'WAITING' } });
    expect((await taskOf(opened.id, 'assess')).candidateRole).toBe('SUPERVISOR');
    await complete(opened.id, 'assess', lead, { level: 'URGENT', maintainer: 'OPS' });
    expect(await taskOf(opened.id, 'dispatch')).toMatchObject({ candidateDepartment: 'OPS' });
    expect((await read(opened.id)).status).toBe('inProgress');
    await complete(opened.id, 'dispatch', staff.ops);
    await complete(opened.id, 'execute', staff.ops);
    expect((await read(opened.id)).status).toBe('resolved');
    await review(opened.id);
    const closed = await read(opened.id);
    expect(closed).toMatchObject({ status: 'closed', procedure: { status: 'COMPLETED', tasks: [] }, notifications: [] });
  });

  test('When it is IMPORTANT, then after the switch to backup each affected customer is told once, listing its own circuits, though the step was retried', async () => {
    flaky = true;
    tries = 0;
    const opened = await open('核心网设备升级失败');
    importantTicket = opened.id;
    const assess = (await taskOf(opened.id, 'assess')).id;
    const unknown = await t.gql(
      COMPLETE,
      { id: assess, v: { level: 'IMPORTANT', maintainer: 'OPS', affectedCircuits: 'NO-SUCH-1' } },
      lead,
    );
    expect(codesOf(unknown)).toEqual(['BAD_USER_INPUT']);
    const noRecovery = await t.gql(COMPLETE, { id: assess, v: { level: 'IMPORTANT', maintainer: 'OPS' } }, lead);
    expect(codesOf(noRecovery)).toEqual(['BAD_USER_INPUT']);
    const codes = [a.circuits[0].code, a.circuits[1].code, b.circuits[0].code];
    await complete(opened.id, 'assess', lead, {
      level: 'IMPORTANT',
      maintainer: 'OPS',
      fault: '核心网设备升级失败，业务已切换备用链路',
      expectedRecoveryAt: '2026-03-02T18:00:00+08:00',
      affectedCircuits: `${codes[0]}, ${codes[1]}，${codes[2]}`,
    });
    expect((await read(opened.id)).notifications).toEqual([]);
    await complete(opened.id, 'switchBackup', staff.ops);
    expect(tries).toBe(2);
    const ticket = await read(opened.id);
    const byCustomer = Object.fromEntries(ticket.notifications.map((n) => [n.customer.id, n]));
    expect(ticket.notifications).toHaveLength(2);
    expect(byCustomer[a.customer.id].circuitCodes).toEqual([codes[0], codes[1]].sort());
    expect(byCustomer[b.customer.id].circuitCodes).toEqual([codes[2]]);
    expect(byCustomer[b.customer.id]).toMatchObject({ expectedRecoveryAt: '2026-03-02T10:00:00.000Z' });
    expect(byCustomer[b.customer.id].message).toContain('核心网设备升级失败');
    expect(notes(ticket, '应急通知')).toHaveLength(1);
    expect(ticket.procedure.tasks.map((x) => x.elementId)).toEqual(['execute']);
    flaky = false;
  });

  test("When a customer token reads notifications, then it reads only its own, and never a ticket's list", async () => {
    const own = await t.ok<{ customer: { notifications: { circuitCodes: string[] }[] } }>(
      CUSTOMER_NOTIFICATIONS,
      { id: b.customer.id },
      { customerId: b.customer.id },
    );
    expect(own.customer.notifications.map((n) => n.circuitCodes)).toEqual([[b.circuits[0].code]]);
    const other = await t.gql<{ customer: unknown }>(CUSTOMER_NOTIFICATIONS, { id: a.customer.id }, { customerId: b.customer.id });
    expect(JSON.stringify(other.data ?? {})).not.toContain(a.circuits[0].code);
    expect(other.data?.customer ?? null).toBeNull();
    // Its own ticket, yet the list names every customer told: staff only.
    const list = await t.gql(
      'query($id: ID!) { ticket(id: $id) { notifications { message } } }',
      { id: importantTicket },
      { customerId: a.customer.id },
    );
    expect(codesOf(list)).toEqual(['FORBIDDEN']);
  });

  test('When it is GENERAL, then the lead plans the fix and nobody is notified', async () => {
    const opened = await open('坐席软电话偶发掉线');
    await complete(opened.id, 'assess', lead, { level: 'GENERAL', maintainer: 'OPS' });
    await complete(opened.id, 'plan', lead, { plan: '重启话务服务器，观察一小时' });
    expect(await taskOf(opened.id, 'execute')).toMatchObject({ candidateDepartment: 'OPS' });
    await complete(opened.id, 'execute', staff.ops);
    await review(opened.id);
    expect(await read(opened.id)).toMatchObject({ status: 'closed', notifications: [] });
  });

  test('When the plan runs into National Day, then the reminder comes before the holiday, the chase at the deadline and the escalation on the first working day after, each once', async () => {
    clock.set(new Date('2026-09-30T14:00:00+08:00'));
    const opened = await open('国庆前夕区域性网络中断');
    await complete(opened.id, 'assess', lead, { level: 'GENERAL', maintainer: 'OPS' });
    await complete(opened.id, 'plan', lead, { plan: '抢修光缆' });
    const at = async (local: string) => {
      clock.set(new Date(`${local}+08:00`));
      await tick();
      const ticket = await read(opened.id);
      return {
        reminded: notes(ticket, '提醒').map((e) => e.note),
        chased: notes(ticket, '催办').map((e) => e.note),
        open: ticket.procedure.tasks,
      };
    };
    // 24 round-the-clock hours: due 1 October 14:00; two working hours before it fall on 30 September.
    expect((await at('2026-09-30T15:29:00')).reminded).toEqual([]);
    expect((await at('2026-09-30T15:31:00')).reminded).toEqual([expect.stringMatching(/^提醒: OPS,/)]);
    expect((await at('2026-10-01T13:59:00')).chased).toEqual([]);
    const late = await at('2026-10-01T14:01:00');
    expect(late.chased).toEqual([expect.stringMatching(/^催办: OPS chased/)]);
    // The escalation waits out the holiday: the first working day after the deadline is 8 October.
    const holiday = await at('2026-10-07T23:00:00');
    expect(holiday.open.map((x) => x.elementId)).toEqual(['execute']);
    const after = await at('2026-10-08T14:01:00');
    expect(after.open.find((x) => x.elementId === 'escalate')).toMatchObject({ candidateRole: 'SUPERVISOR', candidateDepartment: 'OPS' });
    expect(after.reminded).toHaveLength(1);
    expect(after.chased).toHaveLength(1);
    expect(after.open.filter((x) => x.elementId === 'escalate')).toHaveLength(1);
  });

  test('When the deadline falls on the make-up Saturday, then the reminder counts that Saturday as a working day and the escalation skips Sunday', async () => {
    clock.set(new Date('2026-10-09T14:00:00+08:00'));
    const opened = await open('调休日前的话务平台故障');
    await complete(opened.id, 'assess', lead, { level: 'URGENT', maintainer: 'OPS' });
    await complete(opened.id, 'dispatch', staff.ops);
    const at = async (local: string) => {
      clock.set(new Date(`${local}+08:00`));
      await tick();
      return read(opened.id);
    };
    // Due Saturday 10 October 14:00, a working day (调休): reminded at 12:00 that day, not on Friday.
    expect(notes(await at('2026-10-10T11:59:00'), '提醒')).toEqual([]);
    expect(notes(await at('2026-10-10T12:01:00'), '提醒')).toHaveLength(1);
    expect(notes(await at('2026-10-10T14:01:00'), '催办')).toHaveLength(1);
    expect((await at('2026-10-11T23:00:00')).procedure.tasks.map((x) => x.elementId)).toEqual(['execute']);
    const monday = await at('2026-10-12T14:01:00');
    expect(monday.procedure.tasks.map((x) => x.elementId).sort()).toEqual(['escalate', 'execute']);
    expect(notes(monday, '提醒')).toHaveLength(1);
    expect(notes(monday, '催办')).toHaveLength(1);
  });
});
