import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { sampleValue, scrape } from '../operations/metrics-support';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';

const START = 'mutation($key: String!, $bk: String, $v: JSONObject) { startProcess(key: $key, businessKey: $bk, variables: $v) { id } }';
const COMPLETE = 'mutation($id: ID!) { completeTask(id: $id) { id } }';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface TimerRow {
  instance_id: string;
  element_id: string;
  status: string;
  claimed_by: string | null;
}

/** A gate the `record` handler waits at: opened once `size` steps wait there together. */
class Meeting {
  private arrived = 0;
  private open: () => void = () => undefined;
  private readonly opened = new Promise<void>((resolve) => {
    this.open = resolve;
  });
  constructor(private readonly size: number) {}
  async join(): Promise<void> {
    if (++this.arrived >= this.size) this.open();
    await this.opened;
  }
}

/**
 * Due timers are claimed in batches and fired side by side. Hub `a` fires 4 at a time from batches
 * of 5; hub `b`, on the same database and clock, one at a time from batches of 3. The `record`
 * service task after each timer tells which instance's timer fired, in what order.
 */
describe('Timers claimed in batches and fired side by side', () => {
  let a: TestHub;
  let b: TestHub;
  let staff: { ops: string };
  let recorded: string[] = [];
  let failing = new Set<string>();
  let meeting: Meeting | null = null;
  /** the next `record` call waits here until the test releases it */
  let hold: { entered: () => void; released: Promise<void> } | null = null;

  const registry = () =>
    new ServiceRegistry().register('record', async (call) => {
      const key = call.businessKey ?? '';
      recorded.push(key);
      if (failing.has(key)) throw new Error('记录系统不可用 (the recording system is down)');
      const gate = meeting;
      if (gate) await gate.join();
      const held = hold;
      if (held) {
        hold = null;
        held.entered();
        await held.released;
      }
      return {};
    });

  beforeAll(async () => {
    // Steps wait at gates here for as long as the test needs: no step bound should cut them off.
    const config = { processStepMaxMs: 60_000, dbPoolSize: 8 };
    a = await startTestHub({ registry: registry(), config: { ...config, processTimerConcurrency: 4, processTimerBatch: 5 } });
    b = await startTestHub({
      registry: registry(),
      database: a.db,
      clock: a.clock,
      config: { ...config, processTimerConcurrency: 1, processTimerBatch: 3 },
    });
    staff = await makeStaff(a);
    await deploy(a, fixture('timer-at-record.bpmn'));
    await deploy(a, fixture('two-timers.bpmn'));
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });
  beforeEach(() => {
    recorded = [];
    failing = new Set();
    meeting = null;
    hold = null;
  });

  const at = (ms: number) => new Date(a.clock.now().getTime() + ms).toISOString();
  const start = async (bk: string, variables: Record<string, unknown>, key = 'timer-at-record') =>
    (await a.ok<{ startProcess: { id: string } }>(START, { key, bk, v: variables })).startProcess.id;
  const sql = <T>(text: string, params: unknown[] = []) => a.hub.database.orm.em.fork().execute<T[]>(text, params);
  const timersOf = (ids: string[]) =>
    sql<TimerRow>('select instance_id, element_id, status, claimed_by from process_timer where instance_id = any(?::uuid[])', [`{${ids}}`]);
  const poll = (t: TestHub) => t.hub.services.processes.poller.runOnce();
  const hubOf = (t: TestHub) => t.hub.services.processes.poller.hubId;
  /** Holds the next `record` step until `release` is called; `entered` resolves once it is there. */
  const holdNext = () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const entered = new Promise<void>((resolve) => {
      hold = { entered: resolve, released };
    });
    return { entered, release };
  };
  const count = (keys: string[], key: string) => keys.filter((k) => k === key).length;

  test('When more timers are due than one round takes, then a poll goes on round after round until none is left, each timer fired once', async () => {
    const c = await startTestHub({ registry: registry(), database: a.db, clock: a.clock, config: { processTimersPerPoll: 3 } });
    try {
      const keys = Array.from({ length: 8 }, (_, i) => `backlog-${i}`);
      const ids: string[] = [];
      for (const [i, key] of keys.entries()) ids.push(await start(key, { at: at(HOUR + i) }));
      a.clock.advance(HOUR + 1000);
      const poller = c.hub.services.processes.poller;
      expect((await poller.runOnce()).fired).toBe(3);
      // What the poller's beat runs: the other five do not wait for two more beats.
      await poller.drain();
      expect([...recorded].sort()).toEqual([...keys].sort());
      expect((await timersOf(ids)).every((timer) => timer.status === 'FIRED')).toBe(true);
    } finally {
      await c.stop();
    }
  });

  test('When 30 timers fall due in the same second, then 4 steps run side by side and each timer fires exactly once, with its lag measured', async () => {
    const lagsBefore = sampleValue(await scrape(a), 'kexiang_process_timer_lag_seconds_count') ?? 0;
    const keys = Array.from({ length: 30 }, (_, i) => `many-${i}`);
    const ids: string[] = [];
    for (const [i, key] of keys.entries()) ids.push(await start(key, { at: at(HOUR + i) }));
    a.clock.advance(HOUR + 1000);
    // The first 4 steps wait for each other inside their service task: they meet only if 4 run at once.
    meeting = new Meeting(4);

    expect((await poll(a)).fired).toBe(30);
    expect((await poll(a)).fired).toBe(0);

    expect([...recorded].sort()).toEqual([...keys].sort());
    const timers = await timersOf(ids);
    expect(timers).toHaveLength(30);
    expect(timers.every((timer) => timer.status === 'FIRED' && timer.claimed_by === hubOf(a))).toBe(true);
    for (const id of ids) {
      const instance = await readInstance(a, id);
      expect(instance.status).toBe('COMPLETED');
      expect(instance.history.filter((h) => h.elementId === 'late')).toHaveLength(1);
    }
    expect(sampleValue(await scrape(a), 'kexiang_process_timer_lag_seconds_count')).toBe(lagsBefore + 30);
  });

  test('When two hubs poll the same database at once, then each timer fires exactly once', async () => {
    const keys = Array.from({ length: 24 }, (_, i) => `both-${i}`);
    const ids: string[] = [];
    for (const key of keys) ids.push(await start(key, { at: at(HOUR) }));
    a.clock.advance(HOUR + 1000);

    let fired = 0;
    for (let round = 0; round < 3; round++) {
      const [fromA, fromB] = await Promise.all([poll(a), poll(b)]);
      fired += fromA.fired + fromB.fired;
    }
    expect(fired).toBe(24);
    expect([...recorded].sort()).toEqual([...keys].sort());
    const timers = await timersOf(ids);
    expect(timers.filter((timer) => timer.status === 'FIRED')).toHaveLength(24);
    for (const id of ids) expect((await readInstance(b, id)).history.filter((h) => h.elementId === 'late')).toHaveLength(1);
  });

  test("When one hub holds a batch mid-step, then the other fires every other due timer and none of that hub's batch", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await start(`held-${i}`, { at: at(HOUR + i * 1000) }));
    a.clock.advance(HOUR + 10_000);
    // Hub b claims the 3 oldest and stops inside the first one's step.
    const held = holdNext();
    const fromB = poll(b);
    await held.entered;

    expect((await poll(a)).fired).toBe(5);
    held.release();
    expect((await fromB).fired).toBe(3);

    const timers = await timersOf(ids);
    const firedBy = (t: TestHub) => timers.filter((timer) => timer.status === 'FIRED' && timer.claimed_by === hubOf(t)).length;
    expect([firedBy(a), firedBy(b)]).toEqual([5, 3]);
    expect(recorded.slice(0, 1)).toEqual(['held-0']);
    expect([...recorded].sort()).toEqual(ids.map((_, i) => `held-${i}`).sort());
  });

  test("When a crashed hub's claim has lapsed, then this hub fires its timer; another hub's live claim waits until it lapses", async () => {
    const crashed = await start('claims-crashed', { at: at(HOUR) });
    const live = await start('claims-live', { at: at(HOUR) });
    a.clock.advance(HOUR + 1000);
    const now = a.clock.now();
    const claim = (instanceId: string, hub: string, until: Date) =>
      sql('update process_timer set claimed_by = ?, claimed_until = ? where instance_id = ?', [hub, until, instanceId]);
    await claim(crashed, 'crashed-hub', new Date(now.getTime() - 1000));
    await claim(live, 'live-hub', new Date(now.getTime() + 5 * MINUTE));

    expect((await poll(a)).fired).toBe(1);
    expect(recorded).toEqual(['claims-crashed']);
    expect(await timersOf([crashed, live])).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instance_id: crashed, status: 'FIRED', claimed_by: hubOf(a) }),
        expect.objectContaining({ instance_id: live, status: 'PENDING', claimed_by: 'live-hub' }),
      ]),
    );

    a.clock.advance(5 * MINUTE - 2000);
    expect((await poll(a)).fired).toBe(0);
    a.clock.advance(3000);
    expect((await poll(a)).fired).toBe(1);
    expect(recorded).toEqual(['claims-crashed', 'claims-live']);
    expect((await readInstance(a, live)).status).toBe('COMPLETED');
  });

  test('When a claimed timer is cancelled by a step of its own instance before it fires, then it never fires', async () => {
    const first = await start('cancel-first', { at: at(HOUR) });
    const second = await start('cancel-second', { at: at(HOUR + 1000) });
    a.clock.advance(HOUR + 2000);
    const held = holdNext();
    const polling = poll(b);
    await held.entered;
    // Both are in b's batch: the second is claimed, not fired yet.
    expect((await timersOf([second]))[0]).toMatchObject({ status: 'PENDING', claimed_by: hubOf(b) });

    const [work] = (await readInstance(a, second)).tasks;
    await a.ok(COMPLETE, { id: work.id }, staff.ops);
    held.release();
    expect((await polling).fired).toBe(1);

    expect(recorded).toEqual(['cancel-first']);
    expect((await timersOf([second]))[0].status).toBe('CANCELLED');
    // Still waiting (on its review), so only the timer read again under the lock tells the claim is void.
    const after = await readInstance(a, second);
    expect(after.status).toBe('WAITING');
    expect(after.tasks.map((task) => task.elementId)).toEqual(['review']);
    // Its boundary timer was armed with the task (so it is in the history), and never went on to `record`.
    expect(after.history.map((h) => h.elementId).sort()).toEqual(['late', 'review', 'start', 'work']);
    expect((await readInstance(a, first)).status).toBe('COMPLETED');
  });

  test('When one timer step in a batch ends in an incident, then the other timers of the batch fire all the same', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `incident-${i}`);
    const ids: string[] = [];
    for (const key of keys) ids.push(await start(key, { at: at(HOUR) }));
    a.clock.advance(HOUR + 1000);
    failing = new Set(['incident-3']);

    expect((await poll(a)).fired).toBe(10);
    expect((await poll(a)).fired).toBe(0);
    const statuses = await Promise.all(ids.map(async (id) => (await readInstance(a, id)).status));
    expect(statuses.filter((s) => s === 'COMPLETED')).toHaveLength(9);
    expect(statuses[3]).toBe('INCIDENT');
    expect((await readInstance(a, ids[3])).incident?.message).toContain('记录系统不可用');
    // Each other timer's step ran once; the failing one was tried three times within its step.
    for (const key of keys) expect(count(recorded, key)).toBe(key === 'incident-3' ? 3 : 1);
  });

  test('When timers fall due out of the order they were armed in, then one at a time they fire oldest due first, across batches', async () => {
    const minutes = [5, 2, 7, 1, 6, 3, 4];
    for (const m of minutes) await start(`order-${m}`, { at: at(HOUR + m * MINUTE) });
    a.clock.advance(HOUR + 10 * MINUTE);

    expect((await poll(b)).fired).toBe(7);
    expect(recorded).toEqual([...minutes].sort((x, y) => x - y).map((m) => `order-${m}`));
  });

  test('When two timers of one instance fall due in one batch, then neither waits forever nor fires twice, and one that the other cut off does not fire', async () => {
    // "cut": the interrupting timer is due first and takes the task, and the reminder with it.
    const cut = await start('two-cut', { lateAt: at(HOUR), nudgeAt: at(HOUR + 1000) }, 'two-timers');
    // "both": the reminder is due first and leaves the task waiting; then the cut-off fires too.
    const both = await start('two-both', { nudgeAt: at(HOUR), lateAt: at(HOUR + 1000) }, 'two-timers');
    a.clock.advance(HOUR + 2000);

    expect((await poll(a)).fired).toBe(3);
    expect((await poll(a)).fired).toBe(0);
    // Both wait on the escalation; the reminder ended only where it fired (the boundary timers are in
    // the history from when they were armed, so their end events tell).
    const waitingOn = async (id: string) => {
      const instance = await readInstance(a, id);
      return [
        instance.status,
        instance.tasks.map((task) => task.elementId),
        instance.history.filter((h) => h.elementId === 'nudged').length,
      ];
    };
    expect(await waitingOn(cut)).toEqual(['WAITING', ['escalate'], 0]);
    expect(await waitingOn(both)).toEqual(['WAITING', ['escalate'], 1]);
    const timers = await timersOf([cut, both]);
    const statusOf = (instanceId: string, elementId: string) =>
      timers.find((timer) => timer.instance_id === instanceId && timer.element_id === elementId)?.status;
    expect([statusOf(cut, 'late'), statusOf(cut, 'nudge'), statusOf(both, 'nudge'), statusOf(both, 'late')]).toEqual([
      'FIRED',
      'CANCELLED',
      'FIRED',
      'FIRED',
    ]);
  });
});
