import { inTransaction } from '../../src/db/unit-of-work';
import type { EngineCacheStats } from '../../src/modules/processes/engine/engine-cache';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, type InstanceView, makeStaff, readInstance } from '../support/processes';

const START = 'mutation($bk: String) { startProcess(key: "route-choice", businessKey: $bk) { id status } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const CANCEL = 'mutation($id: ID!) { cancelProcessInstance(id: $id, reason: "not needed") { status } }';
const RETRY = 'mutation($id: ID!) { retryIncident(id: $id) { status } }';

/** The "file" service task after "left": it fails while `filing.fails` is set, then records who it filed. */
const filing = { fails: false, filed: [] as string[] };
const registry = () =>
  new ServiceRegistry().register('file', async (call) => {
    if (filing.fails) throw new Error('the archive is down');
    filing.filed.push(String(call.businessKey));
    return { filed: true };
  });

const statsOf = (t: TestHub): EngineCacheStats => t.hub.services.processes.engines.stats();
/** What a step moves by since `before`: hits and misses of the hub's engine cache. */
const since = (t: TestHub, before: EngineCacheStats) => {
  const now = statsOf(t);
  return { hits: now.hits - before.hits, misses: now.misses - before.misses };
};
const openTask = async (t: TestHub, id: string, elementId: string) => {
  const task = (await readInstance(t, id)).tasks.find((k) => k.elementId === elementId);
  if (!task) throw new Error(`no open task ${elementId} on ${id}`);
  return task;
};
/** The part of an instance a user relies on: where it is, what it holds, the path it took. */
const outcome = (view: InstanceView) => ({
  status: view.status,
  variables: view.variables,
  waiting: view.waiting.map((w) => w.elementId),
  tasks: view.tasks.map((k) => k.elementId),
  path: view.history.map((h) => h.elementId),
});

describe('Settled engines kept between steps (PROCESS_ENGINE_CACHE_MB)', () => {
  let a: TestHub;
  let b: TestHub;
  let off: TestHub;
  let staff: { ops: string };

  beforeAll(async () => {
    a = await startTestHub({ registry: registry() });
    b = await startTestHub({ database: a.db, clock: a.clock, registry: registry() });
    off = await startTestHub({ database: a.db, clock: a.clock, registry: registry(), config: { processEngineCacheMb: 0 } });
    staff = await makeStaff(a);
    await deploy(a, fixture('route-choice.bpmn'));
  });
  afterAll(async () => {
    await off.stop();
    await b.stop();
    await a.stop();
  });

  const start = async (t: TestHub, bk: string) => (await t.ok<{ startProcess: { id: string } }>(START, { bk })).startProcess.id;
  const complete = async (t: TestHub, id: string, elementId: string, variables: Record<string, unknown> = {}) =>
    t.ok(COMPLETE, { id: (await openTask(t, id, elementId)).id, v: variables }, staff.ops);
  const runThrough = async (t: TestHub, bk: string) => {
    const id = await start(t, bk);
    await complete(t, id, 'prepare');
    await complete(t, id, 'decide', { route: 'left' });
    await complete(t, id, 'left');
    return id;
  };

  test('When every step of an instance runs on one hub, then each resumes the engine the last one left, and the instance ends exactly as on a hub that keeps none', async () => {
    const before = statsOf(a);
    const cached = await runThrough(a, 'same-hub');
    expect(since(a, before)).toEqual({ hits: 3, misses: 0 });

    const offBefore = statsOf(off);
    const recovered = await runThrough(off, 'no-cache');
    expect(since(off, offBefore)).toEqual({ hits: 0, misses: 0 });
    expect(off.hub.services.processes.engines.enabled).toBe(false);

    const [viewCached, viewRecovered] = [await readInstance(a, cached), await readInstance(a, recovered)];
    expect(viewCached.status).toBe('COMPLETED');
    expect(outcome(viewCached)).toEqual(outcome(viewRecovered));
    expect(viewCached.history.map((h) => h.elementId)).toEqual(['start', 'prepare', 'decide', 'which', 'left', 'file', 'leftDone']);
    expect(filing.filed).toEqual(['same-hub', 'no-cache']);
  });

  test('When steps of one instance alternate between two hubs, then every step recovers the engine (the other hub moved the row on) and the instance takes the path its last step chose', async () => {
    const id = await start(a, 'alternating');
    const [beforeA, beforeB] = [statsOf(a), statsOf(b)];
    await complete(b, id, 'prepare');
    // Hub a still holds the engine it left at start, which waits at "prepare": it must not be used.
    await complete(a, id, 'decide', { route: 'left' });
    expect(since(a, beforeA)).toEqual({ hits: 0, misses: 1 });
    expect(since(b, beforeB)).toEqual({ hits: 0, misses: 1 });
    const view = await readInstance(b, id);
    expect(outcome(view).tasks).toEqual(['left']);
    expect(view.history.map((h) => h.elementId)).toEqual(['start', 'prepare', 'decide', 'which', 'left']);
  });

  test('When a step on one hub is rolled back and another hub then takes the other path, then the first hub does not resume the engine of the rolled-back step', async () => {
    const id = await start(a, 'rolled-back');
    await complete(a, id, 'prepare');
    const decide = await openTask(a, id, 'decide');
    const { em } = a.hub.database.orm;
    // Hub a chooses "left" in a transaction that then fails: its engine went left, the database did not.
    const rolledBack = inTransaction(em.fork(), a.hub.bus, async (uow) => {
      await a.hub.services.processes.tasks.complete(
        { em: uow.em, actor: { kind: 'staff', userCode: staff.ops, customerId: null } },
        decide.id,
        {
          route: 'left',
        },
      );
      throw new Error('the rest of the work failed');
    });
    await expect(rolledBack).rejects.toThrow('the rest of the work failed');
    expect((await readInstance(a, id)).tasks.map((k) => k.elementId)).toEqual(['decide']);

    // Hub b decides "right" and commits: the row is now at the version the rolled-back step would have left.
    await complete(b, id, 'decide', { route: 'right' });
    const before = statsOf(a);
    await complete(a, id, 'right');
    expect(since(a, before)).toEqual({ hits: 0, misses: 1 });
    const view = await readInstance(a, id);
    expect(view.status).toBe('COMPLETED');
    expect(view.variables.route).toBe('right');
    expect(view.history.map((h) => h.elementId)).toEqual(['start', 'prepare', 'decide', 'which', 'right', 'rightDone']);
  });

  test('When a completion is refused before its step, then the kept engine still matches the database and the next step resumes it', async () => {
    const id = await start(a, 'refused');
    await complete(a, id, 'prepare');
    const refused = await a.gql(COMPLETE, { id: (await openTask(a, id, 'decide')).id, v: { route: 'up' } }, staff.ops);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const before = statsOf(a);
    await complete(a, id, 'decide', { route: 'right' });
    expect(since(a, before)).toEqual({ hits: 1, misses: 0 });
    expect(outcome(await readInstance(a, id)).tasks).toEqual(['right']);
  });

  test('When a step on a kept engine fails into an incident, then that engine is dropped and the retry recovers the last good state', async () => {
    const id = await start(a, 'failing');
    await complete(a, id, 'prepare');
    await complete(a, id, 'decide', { route: 'left' });
    filing.fails = true;
    const before = statsOf(a);
    try {
      await complete(a, id, 'left');
    } finally {
      filing.fails = false;
    }
    expect(since(a, before)).toEqual({ hits: 1, misses: 0 });
    const failed = await readInstance(a, id);
    expect(failed.status).toBe('INCIDENT');
    expect(failed.incident?.elementId).toBe('file');

    const retried = await a.ok<{ retryIncident: { status: string } }>(RETRY, { id });
    expect(retried.retryIncident.status).toBe('COMPLETED');
    expect(since(a, before)).toEqual({ hits: 1, misses: 1 });
    const view = await readInstance(a, id);
    expect(view.history.filter((h) => h.elementId === 'file')).toHaveLength(1);
    expect(view.history.map((h) => h.elementId).slice(-2)).toEqual(['file', 'leftDone']);
  });

  test('When an instance is cancelled, then its engine is no longer kept', async () => {
    const id = await start(a, 'cancelled');
    const kept = statsOf(a).engines;
    expect((await a.ok<{ cancelProcessInstance: { status: string } }>(CANCEL, { id })).cancelProcessInstance.status).toBe('CANCELLED');
    expect(statsOf(a).engines).toBe(kept - 1);
  });

  test('When more engines would be kept than the cache holds, then the least recently used are dropped and their next steps recover them', async () => {
    const small = await startTestHub({ database: a.db, clock: a.clock, config: { processEngineCacheEngines: 2 } });
    try {
      const ids = [await start(small, 'lru-1'), await start(small, 'lru-2'), await start(small, 'lru-3')];
      expect(statsOf(small).engines).toBe(2);
      const before = statsOf(small);
      await complete(small, ids[0], 'prepare');
      await complete(small, ids[2], 'prepare');
      expect(since(small, before)).toEqual({ hits: 1, misses: 1 });
      for (const id of ids.slice(0, 1).concat(ids.slice(2))) expect(outcome(await readInstance(small, id)).tasks).toEqual(['decide']);
    } finally {
      await small.stop();
    }
  });
});
