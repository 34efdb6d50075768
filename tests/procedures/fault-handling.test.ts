import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { makeStaff, readInstance } from '../support/processes';
import { codesOf } from '../support/transports';

const HOUR = 3600_000;
const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number status procedure { id processKey status } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { status closedAt resolvedAt history { action note changes { field from to } } procedure { id status tasks { id elementId name version } } } }`;
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const TRANSITION = 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { status } }';
const REPORT = 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { id onTime } }';

interface TicketView {
  status: string;
  closedAt: string | null;
  resolvedAt: string | null;
  history: { action: string; note: string | null; changes: { field: string; from: string | null; to: string | null }[] }[];
  procedure: { id: string; status: string; tasks: { id: string; elementId: string; name: string; version: number }[] } | null;
}

describe('Fault handling: a fault ticket runs its procedure, and its status follows it', () => {
  let t: TestHub;
  let world: World;
  let staff: { ops: string; kx: string; sales: string };

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t);
    staff = await makeStaff(t);
  });
  afterAll(() => t.stop());

  const open = async (title: string) =>
    (
      await t.ok<{
        openTicket: { id: string; number: string; status: string; procedure: { id: string; processKey: string; status: string } };
      }>(
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
  const completeOnly = async (id: string, elementId: string, who: string, variables: Record<string, unknown> = {}) => {
    const ticket = await read(id);
    const task = ticket.procedure?.tasks.find((x) => x.elementId === elementId);
    expect({ elementId, open: ticket.procedure?.tasks.map((x) => x.elementId) }).toEqual({
      elementId,
      open: expect.arrayContaining([elementId]),
    });
    await t.ok(COMPLETE, { id: task?.id, v: variables }, who);
  };

  test('When a fault is opened, its tasks are done and its report is in, then the ticket moves acknowledged -> inProgress -> resolved -> closed', async () => {
    const opened = await open('专线中断');
    expect(opened).toMatchObject({ status: 'acknowledged', procedure: { processKey: 'fault-handling', status: 'WAITING' } });
    const instance = await readInstance(t, opened.procedure.id);
    expect(instance.businessKey).toBe(opened.number);

    await completeOnly(opened.id, 'acknowledge', staff.kx, { impact: true });
    expect((await read(opened.id)).status).toBe('inProgress');
    await completeOnly(opened.id, 'diagnose', staff.ops, { cause: '光缆被挖断', maintainer: 'OPS' });
    expect((await read(opened.id)).status).toBe('inProgress');
    await completeOnly(opened.id, 'restore', staff.ops);
    const restored = await read(opened.id);
    expect(restored.status).toBe('resolved');
    expect(restored.resolvedAt).not.toBeNull();
    await completeOnly(opened.id, 'confirm', staff.kx, { customerConfirmed: true });
    await t.ok(REPORT, { input: { ticketId: opened.id, kind: 'FAULT', title: '故障报告', content: '光缆被挖断，已熔接恢复' } }, staff.kx);
    await completeOnly(opened.id, 'callback', staff.kx, { satisfaction: 'VERY_SATISFIED' });
    const closed = await read(opened.id);
    expect(closed).toMatchObject({ status: 'closed', procedure: { status: 'COMPLETED', tasks: [] } });
    expect(closed.closedAt).not.toBeNull();
    // Each move is in the history, naming the activity that made it.
    const moves = closed.history.filter((e) => e.action === 'TRANSITIONED').map((e) => [e.changes[0].to, e.note]);
    expect(moves.reverse()).toEqual([
      ['inProgress', 'procedure: Diagnose and dispatch'],
      ['resolved', 'procedure: Confirm with the customer'],
      ['closed', 'procedure: fault-handling completed'],
    ]);
  });

  test('When someone moves a ticket by hand while its procedure runs, then it is CONFLICT naming the task to complete', async () => {
    const opened = await open('访问缓慢');
    const refused = await t.gql(TRANSITION, { input: { id: opened.id, to: 'inProgress' } }, world.duty.code);
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0].extensions?.openTasks).toEqual(['Acknowledge and own (首问负责)']);
    expect((await read(opened.id)).status).toBe('acknowledged');
  });

  test('When a ticket is cancelled while its procedure runs, then the procedure is cancelled with the reason; without one it is refused', async () => {
    const opened = await open('客户误报');
    const noReason = await t.gql(TRANSITION, { input: { id: opened.id, to: 'cancelled' } }, world.duty.code);
    expect(codesOf(noReason)).toEqual(['BAD_USER_INPUT']);
    expect((await readInstance(t, opened.procedure.id)).status).toBe('WAITING');
    await t.ok(TRANSITION, { input: { id: opened.id, to: 'cancelled', note: '客户确认误报' } }, world.duty.code);
    const ticket = await read(opened.id);
    expect(ticket).toMatchObject({ status: 'cancelled', procedure: { status: 'CANCELLED', tasks: [] } });
  });

  test('When the restore target passes, then the chase (催办) is recorded on the ticket in the same step', async () => {
    const opened = await open('整体中断');
    await completeOnly(opened.id, 'acknowledge', staff.kx, { impact: true });
    await completeOnly(opened.id, 'diagnose', staff.ops, { cause: '设备故障', maintainer: 'OPS' });
    // 13:30: past the restore deadline, not yet an hour past it (the escalation).
    t.clock.advance(4.5 * HOUR);
    await t.hub.services.processes.poller.runOnce();
    const ticket = await read(opened.id);
    // Gold: restore within 4 h of 09:00; the owner was reminded an hour before, the department chased at 13:00.
    expect(ticket.history.filter((e) => e.action === 'NOTE_ADDED').map((e) => e.note)).toEqual([
      expect.stringMatching(/^催办: OPS chased/),
      `提醒: ${staff.kx}, a deadline is near (remindRestore)`,
    ]);
    expect(ticket.procedure?.tasks.map((task) => task.elementId)).toEqual(['restore']);
  });

  test('When a fault is acknowledged, then that person owns the ticket until they hand it over, saying why (首问负责制)', async () => {
    const opened = await open('首问负责');
    await completeOnly(opened.id, 'acknowledge', staff.kx, { impact: false });
    const OWNER = 'query($id: ID!) { ticket(id: $id) { assignee { code } history { note changes { field } } } }';
    const owned = await t.ok<{ ticket: { assignee: { code: string }; history: { note: string | null }[] } }>(OWNER, { id: opened.id });
    expect(owned.ticket.assignee.code).toBe(staff.kx);
    expect(owned.ticket.history.map((e) => e.note)).toContain('首问负责: the owner since Acknowledge and own (首问负责)');

    const HAND_OVER =
      'mutation($t: ID!, $u: ID!, $n: String!) { handOverTicket(ticketId: $t, toUserId: $u, note: $n) { assignee { code } } }';
    const someoneElse = await t.gql(HAND_OVER, { t: opened.id, u: world.duty.id, n: '我来接' }, staff.sales);
    expect(codesOf(someoneElse)).toEqual(['FORBIDDEN']);
    const silent = await t.gql(HAND_OVER, { t: opened.id, u: world.duty.id, n: ' ' }, staff.kx);
    expect(codesOf(silent)).toEqual(['BAD_USER_INPUT']);
    const handed = await t.ok<{ handOverTicket: { assignee: { code: string } } }>(
      HAND_OVER,
      { t: opened.id, u: world.duty.id, n: '换班，交给值班长' },
      staff.kx,
    );
    expect(handed.handOverTicket.assignee.code).toBe(world.duty.code);
    const after = await t.ok<{ ticket: { history: { note: string | null }[] } }>(OWNER, { id: opened.id });
    expect(after.ticket.history.map((e) => e.note)).toContain('换班，交给值班长');
  });

  test('When the procedure cannot start, then no ticket is opened either', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'kexiang-no-processes-'));
    const bare = await startTestHub({ config: { processesDir: empty } });
    try {
      const w = await makeWorld(bare, { circuitCount: 1 });
      const answer = await bare.gql(
        OPEN,
        { input: { kind: 'FAULT', channel: 'PHONE', title: '中断', customerId: w.customer.id } },
        w.duty.code,
      );
      expect(codesOf(answer)).toEqual(['NOT_FOUND']);
      const { tickets } = await bare.ok<{ tickets: { totalCount: number } }>('{ tickets(first: 1) { totalCount } }');
      expect(tickets.totalCount).toBe(0);
    } finally {
      await bare.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
