import { ManualClock } from '../../src/shared/clock';
import type { World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf } from '../support/transports';
import {
  COMPLETE,
  feasibleStart,
  makeCustomer,
  makeCutoverStaff,
  notes,
  noticeTask,
  readCutover,
  requestCutover,
  type Staff,
  taskOf,
  tick,
} from './cutover-world';

const DAY = 24 * 3600_000;
const MINUTE = 60_000;
const CIRCUIT = `query($id: ID!) { circuit(id: $id) { status history { action note changes { field from to } } } }`;

interface CircuitSeen {
  status: string;
  history: { changes: { field: string; from: string; to: string }[] }[];
}

describe('Cutover window: the circuits under cutover, back after it, the service verified, a failure opening a fault', () => {
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
  const circuit = async (id: string) => (await t.ok<{ circuit: CircuitSeen }>(CIRCUIT, { id })).circuit;

  test('When the window opens, then the circuits are under cutover and back after it, a customer not told is recorded, and a failed verification opens a fault for that circuit', async () => {
    const bronze = await makeCustomer(t, 'BRONZE', { circuits: 2 });
    const silver = await makeCustomer(t, 'SILVER');
    const startsAt = await feasible([bronze, silver], 2);
    const ticket = await request([bronze, silver], startsAt);
    const opened = await readCutover(t, ticket.id);
    // Neither important nor cross-region: no approval, the account managers are asked at once.
    expect(opened).toMatchObject({ status: 'inProgress', cutover: { status: 'NOTIFYING' } });
    const [silverNotice, bronzeNotice] = opened.cutover.notices;
    await t.ok(
      COMPLETE,
      { id: (await noticeTask(t, silver.accountManager.code, silver.customer.id)).id, v: { customerAgrees: true } },
      silver.accountManager.code,
    );

    // The bronze's manager is reminded the morning of its last day, and chased at its close.
    await tick(t, new Date(new Date(bronzeNotice.notifyDueAt).getTime() - 8 * 3600_000));
    expect(notes(await readCutover(t, ticket.id), '提醒')).toEqual([
      expect.stringContaining(`${bronzeNotice.customer.code} (BRONZE) by ${bronzeNotice.notifyBy}`),
    ]);
    await tick(t, new Date(new Date(bronzeNotice.notifyDueAt).getTime() + MINUTE));
    expect(notes(await readCutover(t, ticket.id), '催办')).toEqual([expect.stringContaining(`has not told ${bronzeNotice.customer.code}`)]);
    await tick(t, new Date(new Date(bronzeNotice.notifyDueAt).getTime() + DAY));
    expect((await readCutover(t, ticket.id)).cutover.notices.map((n) => [n.serviceLevel, n.late])).toEqual([
      ['SILVER', false],
      ['BRONZE', true],
    ]);
    expect(silverNotice.status).toBe('OPEN');

    await tick(t, new Date(startsAt.getTime() + MINUTE));
    const during = await readCutover(t, ticket.id);
    expect(during.cutover.status).toBe('UNDER_WAY');
    expect(during.cutover.notices.map((n) => [n.serviceLevel, n.status])).toEqual([
      ['SILVER', 'TOLD'],
      ['BRONZE', 'MISSED'],
    ]);
    expect(notes(during, '割接开始')).toEqual([`割接开始: 3 circuit(s) under cutover; not told in time: ${bronzeNotice.customer.code}`]);
    await expect(noticeTask(t, bronze.accountManager.code, bronze.customer.id)).rejects.toThrow(/no open notice task/);
    for (const circuit of [...bronze.circuits, ...silver.circuits]) {
      const { circuit: seen } = await t.ok<{
        circuit: { status: string; history: { changes: { field: string; from: string; to: string }[] }[] };
      }>(CIRCUIT, { id: circuit.id });
      expect(seen.status).toBe('underCutover');
      expect(seen.history.flatMap((e) => e.changes)).toContainEqual({ field: 'status', from: 'active', to: 'underCutover' });
    }

    await tick(t, new Date(startsAt.getTime() + 4 * 3600_000 + MINUTE));
    const afterWindow = await readCutover(t, ticket.id);
    expect(afterWindow).toMatchObject({ status: 'resolved', cutover: { status: 'VERIFYING' } });
    for (const circuit of [...bronze.circuits, ...silver.circuits]) {
      const { circuit: seen } = await t.ok<{
        circuit: { status: string; history: { changes: { field: string; from: string; to: string }[] }[] };
      }>(CIRCUIT, { id: circuit.id });
      expect(seen.status).toBe('active');
      expect(seen.history.flatMap((e) => e.changes)).toContainEqual({ field: 'status', from: 'underCutover', to: 'active' });
    }

    const verify = await taskOf(t, ticket.id, 'verify');
    expect(codesOf(await t.gql(COMPLETE, { id: verify, v: { failedCircuits: 'NO-SUCH-CIRCUIT' } }, staff.ops))).toEqual(['BAD_USER_INPUT']);
    const failing = bronze.circuits[1];
    await t.ok(COMPLETE, { id: verify, v: { failedCircuits: failing.code, note: '割接后光功率异常, 业务不通' } }, staff.ops);

    const done = await readCutover(t, ticket.id);
    expect(done).toMatchObject({ status: 'closed', procedure: { status: 'COMPLETED' }, cutover: { status: 'COMPLETED' } });
    expect(done.reports).toEqual([{ kind: 'TEST', title: `割接后业务验证 ${ticket.number}` }]);
    const { tickets } = await t.ok<{
      tickets: {
        edges: {
          node: { kind: string; channel: string; description: string; circuits: { id: string }[]; procedure: { processKey: string } };
        }[];
      };
    }>(
      'query($c: ID) { tickets(first: 10, filter: { kinds: [FAULT], customerId: $c }) { edges { node { kind channel description circuits { id } procedure { processKey } } } } }',
      { c: bronze.customer.id },
    );
    expect(tickets.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ kind: 'FAULT', circuits: [{ id: failing.id }], procedure: { processKey: 'fault-handling' } }),
    ]);
    expect(tickets.edges[0].node.description).toContain(`割接 ${ticket.number} 后业务验证失败`);
  });

  test('When the ticket is cancelled during the window, then its circuits get their status back and nobody is left to tell', async () => {
    const told = await makeCustomer(t, 'STANDARD');
    const untold = await makeCustomer(t, 'BRONZE');
    const startsAt = await feasible([told, untold], 1);
    const ticket = await request([told, untold], startsAt);
    await t.ok(
      COMPLETE,
      { id: (await noticeTask(t, told.accountManager.code, told.customer.id)).id, v: { customerAgrees: true } },
      told.accountManager.code,
    );
    await tick(t, new Date(startsAt.getTime() + MINUTE));
    expect((await circuit(told.circuits[0].id)).status).toBe('underCutover');

    const cancel = 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { status } }';
    await t.ok(cancel, { input: { id: ticket.id, to: 'cancelled', note: '设备到货延迟, 割接取消' } }, staff.kx);
    const cancelled = await readCutover(t, ticket.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', procedure: { status: 'CANCELLED' }, cutover: { status: 'CANCELLED' } });
    for (const world of [told, untold]) {
      const seen = await circuit(world.circuits[0].id);
      expect(seen.status).toBe('active');
      expect(seen.history.flatMap((e) => e.changes)).toContainEqual({ field: 'status', from: 'underCutover', to: 'active' });
    }
    // The window's close finds nothing to do: its timer went with the procedure.
    await tick(t, new Date(startsAt.getTime() + DAY));
    expect((await readCutover(t, ticket.id)).procedure?.status).toBe('CANCELLED');
  });

  test("When the ticket is cancelled before anyone was told, then the account managers' tasks are withdrawn", async () => {
    const customer = await makeCustomer(t, 'SILVER');
    const ticket = await request([customer], await feasible([customer], 2));
    await noticeTask(t, customer.accountManager.code, customer.customer.id);
    const cancel = 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { status } }';
    await t.ok(cancel, { input: { id: ticket.id, to: 'cancelled', note: '方案变更' } }, staff.kx);
    await expect(noticeTask(t, customer.accountManager.code, customer.customer.id)).rejects.toThrow(/no open notice task/);
    const cancelled = await readCutover(t, ticket.id);
    expect(cancelled.cutover.notices.map((n) => n.status)).toEqual(['CANCELLED']);
    expect(cancelled.procedure?.calledInstances.map((i) => i.status)).toEqual(['CANCELLED']);
  });
});
