import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff } from '../support/processes';
import { subscribe, wsClient } from '../support/subscriptions';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number status responseDueAt resolutionDueAt procedure { processKey } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) {
  status responseDueAt resolutionDueAt
  slaClocks { kind dueAt state }
  serviceRequest { answeredInSeconds busy answerTargetSeconds answerMet complex }
  history { action note changes { field from to } }
  procedure { status tasks { id elementId dueAt } }
} }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const EXTEND = `mutation($id: ID!, $until: DateTimeISO!, $why: String!) {
  extendDeadline(ticketId: $id, until: $until, explanation: $why) { id resolutionDueAt } }`;
const MINUTE = 60_000;

interface TicketView {
  status: string;
  responseDueAt: string;
  resolutionDueAt: string;
  slaClocks: { kind: string; dueAt: string; state: string }[];
  serviceRequest: {
    answeredInSeconds: number | null;
    busy: boolean;
    answerTargetSeconds: number | null;
    answerMet: boolean | null;
    complex: boolean | null;
  } | null;
  history: { action: string; note: string | null; changes: { field: string; from: string | null; to: string | null }[] }[];
  procedure: { status: string; tasks: { id: string; elementId: string; dueAt: string | null }[] } | null;
}

/** China Standard Time, as the center's staff read a time. */
const cst = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => cst(local).toISOString();

describe('Service request response (客户服务响应时间规章制度): consultations are acknowledged, confirmed and answered in time', () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 0 });
    staff = await makeStaff(t);
  });
  afterAll(() => t.stop());

  const open = async (at: string, input: Record<string, unknown> = {}) => {
    t.clock.set(cst(at));
    const res = await t.ok<{ openTicket: { id: string; number: string; status: string; responseDueAt: string; resolutionDueAt: string } }>(
      OPEN,
      { input: { kind: 'CONSULTATION', channel: 'EMAIL', title: '专线带宽升级咨询', customerId: world.customer.id, ...input } },
      world.duty.code,
    );
    return res.openTicket;
  };
  const read = async (id: string) => (await t.ok<{ ticket: TicketView }>(TICKET, { id })).ticket;
  const complete = async (id: string, elementId: string, who: string, variables: Record<string, unknown>) => {
    const task = (await read(id)).procedure?.tasks.find((x) => x.elementId === elementId);
    expect(task).toBeDefined();
    await t.ok(COMPLETE, { id: task?.id, v: variables }, who);
  };
  /** Acknowledged and confirmed: the question is with the answering department. */
  const withDepartment = async (at: string, complex: boolean) => {
    const opened = await open(at);
    await complete(opened.id, 'acknowledge', staff.kx, { acknowledgement: '已收到，明天答复' });
    await complete(opened.id, 'confirm', staff.kx, { summary: '咨询带宽升级到1G的费用', complex, maintainer: 'OPS' });
    return opened;
  };
  const resolutionClock = (ticket: TicketView) => ticket.slaClocks.find((c) => c.kind === 'RESOLUTION');

  describe('the acknowledgement deadline follows the channel and the calendar', () => {
    test('When an e-mail arrives on a working day, then it is acknowledged within 24 h and answered within 24 h', async () => {
      const opened = await open('2026-09-22T10:00:00');
      expect(opened).toMatchObject({ status: 'acknowledged', procedure: { processKey: 'service-request' } });
      expect(opened.responseDueAt).toBe(iso('2026-09-23T10:00:00'));
      expect(opened.resolutionDueAt).toBe(iso('2026-09-23T10:00:00'));
      const ticket = await read(opened.id);
      expect(ticket.procedure?.tasks).toEqual([{ id: expect.any(String), elementId: 'acknowledge', dueAt: iso('2026-09-23T10:00:00') }]);
    });

    test('When an urgent online message arrives, then it is acknowledged within 2 h', async () => {
      const opened = await open('2026-09-22T10:00:00', { channel: 'ONLINE_MESSAGE', priority: 'HIGH' });
      expect(opened.responseDueAt).toBe(iso('2026-09-22T12:00:00'));
    });

    test('When a message arrives during the National Day holiday, then 48 h, moved to when the center opens on 8 October', async () => {
      const opened = await open('2026-10-03T10:00:00');
      expect(opened.responseDueAt).toBe(iso('2026-10-08T08:30:00'));
      expect(opened.resolutionDueAt).toBe(iso('2026-10-08T08:30:00'));
    });

    test('When 24 h end in the Mid-Autumn holiday, then the deadline moves to the next working morning', async () => {
      const opened = await open('2026-09-24T10:00:00');
      expect(opened.responseDueAt).toBe(iso('2026-09-28T08:30:00'));
    });

    test('When a message arrives on the make-up Saturday of 10 October, then it counts as a working day (24 h, landing on Monday)', async () => {
      const opened = await open('2026-10-10T10:00:00');
      expect(opened.responseDueAt).toBe(iso('2026-10-12T08:30:00'));
      // A Sunday that is not a make-up day is a non-working day: 48 h.
      const sunday = await open('2026-10-11T10:00:00');
      expect(sunday.responseDueAt).toBe(iso('2026-10-13T10:00:00'));
    });
  });

  describe('a call records its answer time against 20 s, 60 s when busy', () => {
    test.each([
      [15, false, 20, true],
      [25, false, 20, false],
      [45, true, 60, true],
      [75, true, 60, false],
    ])('When a call was answered in %i s (busy: %s), then it is held to %i s and met is %s', async (seconds, busy, target, met) => {
      const opened = await open('2026-03-03T10:00:00', { channel: 'PHONE', answeredInSeconds: seconds, busy });
      const ticket = await read(opened.id);
      expect(ticket.serviceRequest).toEqual({
        answeredInSeconds: seconds,
        busy,
        answerTargetSeconds: target,
        answerMet: met,
        complex: null,
      });
      expect(ticket.history.map((e) => e.note)).toContain(
        `call answered in ${seconds} s, target ${target} s${busy ? ' (busy)' : ''}: ${met ? 'met' : 'missed'}`,
      );
    });

    test('When an e-mail, or a fault, is given an answer time, then BAD_USER_INPUT and no ticket is opened', async () => {
      const before = await t.ok<{ tickets: { totalCount: number } }>('{ tickets(first: 1) { totalCount } }');
      for (const input of [
        { kind: 'CONSULTATION', channel: 'EMAIL', answeredInSeconds: 10 },
        { kind: 'FAULT', channel: 'PHONE', answeredInSeconds: 5, busy: true },
        { kind: 'FAULT', channel: 'PHONE', busy: false },
      ]) {
        const refused = await t.gql(OPEN, { input: { ...input, title: 'x', customerId: world.customer.id } }, world.duty.code);
        expect({ input, codes: codesOf(refused) }).toEqual({ input, codes: ['BAD_USER_INPUT'] });
      }
      const after = await t.ok<{ tickets: { totalCount: number } }>('{ tickets(first: 1) { totalCount } }');
      expect(after.tickets.totalCount).toBe(before.tickets.totalCount);
    });

    test("When a customer token asks for the intake record, then it is refused: it is the center's own", async () => {
      const opened = await open('2026-03-03T10:00:00', { channel: 'PHONE', answeredInSeconds: 10 });
      const res = await t.gql(
        'query($id: ID!) { ticket(id: $id) { serviceRequest { answerMet } } }',
        { id: opened.id },
        {
          customerId: world.customer.id,
        },
      );
      expect(codesOf(res)).toEqual(['FORBIDDEN']);
    });
  });

  describe('the answer is due within 24 h, or 48 h when complex', () => {
    test('When the center confirms an ordinary question, then it is answered within 24 h of receipt, by the department chosen', async () => {
      const opened = await withDepartment('2026-03-03T10:00:00', false);
      const ticket = await read(opened.id);
      expect(ticket.status).toBe('inProgress');
      expect(ticket.resolutionDueAt).toBe(iso('2026-03-04T10:00:00'));
      expect(ticket.serviceRequest?.complex).toBe(false);
      expect(ticket.procedure?.tasks.map((x) => x.elementId)).toEqual(['answer']);
      expect(ticket.history.some((e) => e.changes.some((c) => c.field === 'resolutionDueAt'))).toBe(false);
    });

    test('When the center judges it complex, then 48 h, on the clock, in the history and on ticketChanged; the reply closes it', async () => {
      const client = wsClient(t.url);
      const changes = await subscribe<{ ticketChanged: { change: string; ticket: { id: string; resolutionDueAt: string } | null } }>(
        client,
        'subscription { ticketChanged { change ticket { id resolutionDueAt } } }',
      );
      let opened: Awaited<ReturnType<typeof withDepartment>>;
      try {
        opened = await withDepartment('2026-03-03T10:00:00', true);
        // Dashboards hear of the later deadline: an UPDATED notice carrying it.
        for (;;) {
          const { ticketChanged } = await changes.next();
          if (ticketChanged.ticket?.id === opened.id && ticketChanged.ticket.resolutionDueAt === iso('2026-03-05T10:00:00')) {
            expect(ticketChanged.change).toBe('UPDATED');
            break;
          }
        }
      } finally {
        await changes.close();
        await client.dispose();
      }
      const ticket = await read(opened.id);
      expect(ticket.resolutionDueAt).toBe(iso('2026-03-05T10:00:00'));
      expect(resolutionClock(ticket)?.dueAt).toBe(iso('2026-03-05T10:00:00'));
      expect(ticket.serviceRequest?.complex).toBe(true);
      expect(ticket.history.find((e) => e.changes.some((c) => c.field === 'resolutionDueAt'))).toMatchObject({
        action: 'UPDATED',
        note: 'a complex question: answered within 48 h of receipt',
        changes: [{ field: 'resolutionDueAt', from: iso('2026-03-04T10:00:00'), to: iso('2026-03-05T10:00:00') }],
      });
      // Two working hours before the deadline the department is reminded: the task is due then.
      expect(ticket.procedure?.tasks[0].dueAt).toBe(iso('2026-03-04T17:00:00'));
      await complete(opened.id, 'answer', staff.ops, { answer: '可升级，费用见附件' });
      await complete(opened.id, 'reply', staff.kx, { customerSatisfied: true });
      const done = await read(opened.id);
      expect(done.status).toBe('closed');
      expect(resolutionClock(done)?.state).toBe('MET');
    });
  });

  describe('an extension is explained to the customer before the deadline', () => {
    test('When the center extends before the deadline, then the clock moves, the customer reads why, and the timers follow', async () => {
      const opened = await withDepartment('2026-03-03T10:00:00', false);
      t.clock.set(cst('2026-03-03T15:00:00'));
      const until = iso('2026-03-06T16:00:00');
      const why = '需要现场勘查，预计周五下午答复，抱歉';
      const res = await t.ok<{ extendDeadline: { resolutionDueAt: string } }>(EXTEND, { id: opened.id, until, why }, staff.kx);
      expect(res.extendDeadline.resolutionDueAt).toBe(until);
      const ticket = await read(opened.id);
      expect(resolutionClock(ticket)?.dueAt).toBe(until);
      expect(ticket.procedure?.tasks[0].dueAt).toBe(iso('2026-03-06T14:00:00'));
      const asCustomer = await t.ok<{ ticket: { history: { note: string | null; changes: { field: string; to: string }[] }[] } }>(
        'query($id: ID!) { ticket(id: $id) { history { note changes { field to } } } }',
        { id: opened.id },
        { customerId: world.customer.id },
      );
      expect(asCustomer.ticket.history).toContainEqual({ note: why, changes: [{ field: 'resolutionDueAt', to: until }] });
    });

    test('When the deadline has passed, then CONFLICT names it and nothing changes', async () => {
      const opened = await withDepartment('2026-03-03T10:00:00', false);
      t.clock.set(cst('2026-03-04T10:00:01'));
      const before = await read(opened.id);
      const res = await t.gql(EXTEND, { id: opened.id, until: iso('2026-03-06T10:00:00'), why: '来不及了' }, staff.kx);
      expect(codesOf(res)).toEqual(['CONFLICT']);
      expect(res.errors?.[0].extensions?.resolutionDueAt).toBe(iso('2026-03-04T10:00:00'));
      expect(await read(opened.id)).toEqual(before);
    });

    test('When the input is bad (not later, beyond 5 working days past the deadline, no explanation, too long, not a consultation), then BAD_USER_INPUT and nothing changes', async () => {
      const opened = await withDepartment('2026-03-03T10:00:00', false);
      const before = await read(opened.id);
      const refusals = [
        { until: iso('2026-03-04T09:00:00'), why: '提前' },
        { until: iso('2026-03-04T10:00:00'), why: '同一时间' },
        // An extension is time for an answer, not a way out of the clock (the year 9999, or a week).
        { until: '9999-12-31T00:00:00.000Z', why: '以后再说' },
        { until: iso('2026-03-12T10:00:00'), why: '一周以后' },
        { until: iso('2026-03-05T10:00:00'), why: '   ' },
        { until: iso('2026-03-05T10:00:00'), why: '长'.repeat(1001) },
      ];
      for (const input of refusals) {
        const res = await t.gql(EXTEND, { id: opened.id, ...input }, staff.kx);
        expect({ input: input.why.slice(0, 5), codes: codesOf(res) }).toEqual({ input: input.why.slice(0, 5), codes: ['BAD_USER_INPUT'] });
      }
      expect(await read(opened.id)).toEqual(before);
      const fault = await t.ok<{ openTicket: { id: string } }>(
        OPEN,
        { input: { kind: 'FAULT', channel: 'PHONE', title: '中断', customerId: world.customer.id } },
        world.duty.code,
      );
      const notConsultation = await t.gql(EXTEND, { id: fault.openTicket.id, until: iso('2026-03-09T10:00:00'), why: '延期' }, staff.kx);
      expect(codesOf(notConsultation)).toEqual(['BAD_USER_INPUT']);
    });

    test.each(
      TRANSPORTS,
    )('When a customer token or the answering department calls extendDeadline (%s), then FORBIDDEN and nothing changes', async (transport) => {
      const opened = await withDepartment('2026-03-03T10:00:00', false);
      const before = await read(opened.id);
      const request = { query: EXTEND, variables: { id: opened.id, until: iso('2026-03-09T10:00:00'), why: '我们自己延期' } };
      const asCustomer = await over(transport, t, request, { customerId: world.customer.id });
      expect(codesOf(asCustomer)).toEqual(['FORBIDDEN']);
      expect(asCustomer.data?.extendDeadline ?? null).toBeNull();
      const asOps = await over(transport, t, request, staff.ops);
      expect(codesOf(asOps)).toEqual(['FORBIDDEN']);
      expect(await read(opened.id)).toEqual(before);
    });
  });

  test('When the answer deadline nears and passes, then the reminder and the chase (催办) are recorded once each', async () => {
    const opened = await withDepartment('2026-03-03T10:00:00', false);
    const notes = async () =>
      (await read(opened.id)).history.map((e) => e.note ?? '').filter((n) => n.startsWith('提醒') || n.startsWith('催办'));
    // Due 4 March 10:00; two working hours before it is 3 March 17:00 (the center closes at 17:30).
    t.clock.set(new Date(cst('2026-03-03T17:00:00').getTime() + MINUTE));
    await t.hub.services.processes.poller.runOnce();
    await t.hub.services.processes.poller.runOnce();
    expect(await notes()).toEqual([`提醒: OPS reminded, the answer is due at ${iso('2026-03-04T10:00:00')}`]);
    t.clock.set(new Date(cst('2026-03-04T10:00:00').getTime() + MINUTE));
    await t.hub.services.processes.poller.runOnce();
    await t.hub.services.processes.poller.runOnce();
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    // The history reads newest first.
    expect(await notes()).toEqual(['催办: OPS chased at chase', `提醒: OPS reminded, the answer is due at ${iso('2026-03-04T10:00:00')}`]);
    const ticket = await read(opened.id);
    expect(ticket.history.filter((e) => e.action === 'SLA_BREACHED')).toHaveLength(1);
    expect(ticket.procedure?.tasks.map((x) => x.elementId)).toEqual(['answer']);
  });
});
