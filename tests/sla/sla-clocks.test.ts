import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { subscribe, wsClient } from '../support/subscriptions';

const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id version } }`;
const CLOCKS = `query($id: ID!) { ticket(id: $id) { version resolutionDueAt responseDueAt slaClocks { kind state startedAt dueAt warnAt warnedAt breachedAt metAt } history { action note changes { field from to } } } }`;
const TRANSITION = 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { status version } }';
const at = (iso: string) => new Date(iso).toISOString();

interface Clock {
  kind: string;
  state: string;
  startedAt: string;
  dueAt: string;
  warnAt: string;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
}
interface View {
  version: number;
  resolutionDueAt: string;
  responseDueAt: string;
  slaClocks: Clock[];
  history: { action: string; note: string | null; changes: { field: string; from: string | null; to: string | null }[] }[];
}

describe("Each ticket's SLA clocks: due on the center's calendar, warned and breached once, paused while the customer is awaited", () => {
  let t: TestHub;
  let gold: World;
  let diamond: World;

  beforeAll(async () => {
    // Tickets moved by hand: their procedures have tests of their own.
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    gold = await makeWorld(t, { level: 'GOLD', circuitCount: 1 });
    diamond = await makeWorld(t, { level: 'DIAMOND', circuitCount: 1 });
  });
  afterAll(() => t.stop());

  const open = async (world: World, kind: string, priority = 'MEDIUM') =>
    (
      await t.ok<{ openTicket: { id: string } }>(
        OPEN,
        { input: { kind, channel: 'PHONE', title: '客户来电', customerId: world.customer.id, priority } },
        world.duty.code,
      )
    ).openTicket.id;
  const read = async (id: string) => (await t.ok<{ ticket: View }>(CLOCKS, { id })).ticket;
  const clockOf = (view: View, kind: string) => view.slaClocks.find((c) => c.kind === kind) as Clock;
  const move = async (id: string, to: string, note?: string) =>
    t.ok<{ transitionTicket: { status: string } }>(TRANSITION, { input: { id, to, note } }, gold.duty.code);

  test('When a complaint is opened the day before Mid-Autumn, then its resolution is due after the National Day break', async () => {
    t.clock.set(new Date('2026-09-24T10:00:00+08:00'));
    const id = await open(gold, 'COMPLAINT');
    const view = await read(id);
    expect(view.slaClocks.map((c) => [c.kind, c.state])).toEqual([
      ['RESOLUTION', 'RUNNING'],
      ['RESPONSE', 'RUNNING'],
    ]);
    // 4 working hours; 5 working days: 28, 29, 30 September, 8 and 9 October.
    expect(clockOf(view, 'RESPONSE').dueAt).toBe(at('2026-09-24T14:00:00+08:00'));
    expect(clockOf(view, 'RESOLUTION').dueAt).toBe(at('2026-10-09T17:30:00+08:00'));
    const resolution = clockOf(view, 'RESOLUTION');
    const window = Date.parse(resolution.dueAt) - Date.parse(resolution.startedAt);
    expect(Date.parse(resolution.warnAt)).toBe(Date.parse(resolution.startedAt) + window * 0.8);
  });

  test('When a fault is opened for a diamond and a gold customer, then the restore clock follows each level', async () => {
    t.clock.set(new Date('2026-10-10T09:00:00+08:00'));
    const d = await read(await open(diamond, 'FAULT'));
    const g = await read(await open(gold, 'FAULT'));
    expect(clockOf(d, 'RESOLUTION').dueAt).toBe(at('2026-10-10T11:00:00+08:00'));
    expect(clockOf(g, 'RESOLUTION').dueAt).toBe(at('2026-10-10T13:00:00+08:00'));
    // A fault report is owed within 2 working days: Saturday 10 October is a make-up working day.
    expect(clockOf(g, 'REPORT').dueAt).toBe(at('2026-10-13T17:30:00+08:00'));
  });

  test('When a clock passes its warning and its due time, then each is recorded once and pushed to wall screens', async () => {
    t.clock.set(new Date('2026-09-24T10:00:00+08:00'));
    const id = await open(gold, 'COMPLAINT');
    const client = wsClient(t.url);
    const alerts = await subscribe<{ slaAlerts: { ticketId: string; clock: string; alert: string } }>(
      client,
      'subscription { slaAlerts(filter: { clocks: [RESPONSE] }) { ticketId clock alert } }',
    );
    // Earlier tests' tickets warn too: take this ticket's alerts.
    const nextOf = async (ticketId: string) => {
      for (;;) {
        const { slaAlerts } = await alerts.next();
        if (slaAlerts.ticketId === ticketId) return slaAlerts;
      }
    };
    try {
      t.clock.set(new Date('2026-09-24T13:15:00+08:00'));
      await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
      expect(await nextOf(id)).toMatchObject({ ticketId: id, clock: 'RESPONSE', alert: 'WARNING' });
      t.clock.set(new Date('2026-09-24T14:01:00+08:00'));
      await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
      await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
      expect(await nextOf(id)).toMatchObject({ ticketId: id, clock: 'RESPONSE', alert: 'BREACHED' });
    } finally {
      await alerts.close();
      await client.dispose();
    }
    const view = await read(id);
    expect(clockOf(view, 'RESPONSE')).toMatchObject({
      state: 'BREACHED',
      warnedAt: at('2026-09-24T13:15:00+08:00'),
      breachedAt: at('2026-09-24T14:01:00+08:00'),
    });
    expect(view.history.filter((e) => e.action === 'SLA_WARNING' && e.note?.startsWith('response'))).toHaveLength(1);
    expect(view.history.filter((e) => e.action === 'SLA_BREACHED' && e.note?.startsWith('response'))).toHaveLength(1);
    // Answering late meets the clock; the breach stays on record.
    await move(id, 'inProgress');
    expect(clockOf(await read(id), 'RESPONSE')).toMatchObject({ state: 'MET', breachedAt: at('2026-09-24T14:01:00+08:00') });
  });

  test('When the ticket waits on the customer, then the resolution clock pauses and its deadline moves by the working time waited', async () => {
    t.clock.set(new Date('2026-09-28T09:00:00+08:00'));
    const id = await open(gold, 'COMPLAINT');
    const before = clockOf(await read(id), 'RESOLUTION');
    await move(id, 'inProgress');
    t.clock.set(new Date('2026-09-28T10:00:00+08:00'));
    await move(id, 'pending', '等客户提供现场照片');
    expect(clockOf(await read(id), 'RESOLUTION').state).toBe('PAUSED');
    t.clock.set(new Date('2026-09-29T10:00:00+08:00'));
    await move(id, 'inProgress', '客户已提供');
    const after = await read(id);
    const resolution = clockOf(after, 'RESOLUTION');
    expect(resolution.state).toBe('RUNNING');
    // Monday 10:00 to Tuesday 10:00 is 24 hours, of which 9 are working hours (10:00-17:30, 08:30-10:00).
    const moved = await t.ok<{ addWorkingTime: string }>('query($from: DateTimeISO!) { addWorkingTime(from: $from, hours: 9) }', {
      from: before.dueAt,
    });
    expect(resolution.dueAt).toBe(moved.addWorkingTime);
    expect(after.resolutionDueAt).toBe(resolution.dueAt);
    expect(after.history.find((e) => e.note?.startsWith('the resolution clock was paused 540 working min'))?.changes).toEqual([
      { field: 'resolutionDueAt', from: before.dueAt, to: resolution.dueAt },
    ]);
    // Paused clocks are not breached while they wait.
    await move(id, 'pending', '再次等待');
    t.clock.set(new Date('2026-12-01T10:00:00+08:00'));
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    expect(clockOf(await read(id), 'RESOLUTION').state).toBe('PAUSED');
  });

  test('When the priority changes, then the deadlines are computed again, recorded, and the clocks follow', async () => {
    t.clock.set(new Date('2026-09-28T09:00:00+08:00'));
    const id = await open(gold, 'COMPLAINT');
    const view = await read(id);
    await t.ok(
      'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }',
      { input: { id, version: view.version, priority: 'HIGH' } },
      gold.duty.code,
    );
    const after = await read(id);
    // Urgent complaints are answered within 2 working hours instead of 4.
    expect(clockOf(after, 'RESPONSE').dueAt).toBe(at('2026-09-28T11:00:00+08:00'));
    expect(after.responseDueAt).toBe(at('2026-09-28T11:00:00+08:00'));
    expect(after.history.find((e) => e.changes.some((c) => c.field === 'responseDueAt'))?.changes).toEqual(
      expect.arrayContaining([{ field: 'priority', from: 'MEDIUM', to: 'HIGH' }]),
    );
  });

  test('When the fault report is submitted, then the report clock is met', async () => {
    t.clock.set(new Date('2026-10-12T09:00:00+08:00'));
    const id = await open(gold, 'FAULT');
    await t.ok(
      'mutation($input: SubmitReportInput!) { submitReport(input: $input) { id } }',
      { input: { ticketId: id, kind: 'FAULT', title: '故障报告', content: '光缆中断，已恢复' } },
      gold.duty.code,
    );
    expect(clockOf(await read(id), 'REPORT')).toMatchObject({ state: 'MET', metAt: at('2026-10-12T09:00:00+08:00') });
  });
});
