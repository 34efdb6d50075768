// biome-ignore-all lint/suspicious/noTemplateCurlyInString: BPMN expressions are written ${...}, in plain strings
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, readInstance } from '../support/processes';

const START = 'mutation($key: String!, $v: JSONObject) { startProcess(key: $key, variables: $v) { id status } }';
const RETRY = 'mutation($id: ID!) { retryIncident(id: $id) { id status } }';
type Started = { startProcess: { id: string; status: string } };

/** Waits, a turn of the event loop at a time, until `done` holds (bounded: a hub that never gets there fails). */
async function until(done: () => boolean, turns = 10_000): Promise<void> {
  for (let i = 0; !done(); i++) {
    if (i >= turns) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const live = (t: TestHub) => fetch(t.url.replace('/graphql', '/health/live')).then((res) => res.status);

/** Issue #9: a step that does not reach a wait state within its bounds is an incident; the hub goes on. */
describe('A step cannot hold the hub', () => {
  let t: TestHub;
  let spins = 0;
  let yieldEachTime = false;
  const registry = new ServiceRegistry().register('spin', async () => {
    spins++;
    if (yieldEachTime) await new Promise((resolve) => setImmediate(resolve));
    return { spins };
  });

  beforeAll(async () => {
    t = await startTestHub({ registry });
    await deploy(t, fixture('loop-forever.bpmn'));
    await deploy(t, fixture('computed-bounds.bpmn'));
  });
  afterAll(() => t.stop());

  const start = async (key: string, variables: Record<string, unknown> = {}) =>
    (await t.ok<Started>(START, { key, v: variables })).startProcess;

  test('When a service task loops through a ${true} gateway, then the step becomes an incident and /health/live answers meanwhile', async () => {
    yieldEachTime = true;
    spins = 0;
    let answered = false;
    const started = t.ok<Started>(START, { key: 'loop-forever' }).then((res) => {
      answered = true;
      return res.startProcess;
    });
    await until(() => spins > 10);
    expect(await live(t)).toBe(200);
    expect(answered).toBe(false);

    const { id, status } = await started;
    expect(status).toBe('INCIDENT');
    const instance = await readInstance(t, id);
    expect(instance.incident?.message).toBe('the step ran more than 1000 activities and expressions without reaching a wait state');
    expect(spins).toBeLessThan(1000);
  });

  test('When the loop never yields to the event loop, then the engine is stopped at the activity bound and requests and timers are served again', async () => {
    yieldEachTime = false;
    const { id, status } = await start('loop-forever');
    expect(status).toBe('INCIDENT');
    expect(await live(t)).toBe(200);
    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(0);
    // Retrying replays the same step: an incident again, counted, and still no crash.
    expect((await t.ok<{ retryIncident: { status: string } }>(RETRY, { id })).retryIncident.status).toBe('INCIDENT');
    expect((await readInstance(t, id)).incident?.attempts).toBe(2);
  });

  test('When a loop count computed from the variables is more than a step may run, then the step is an incident; a small one runs', async () => {
    const small = await start('computed-bounds', { n: 3, cycle: 'R2/PT1H' });
    expect(small.status).toBe('WAITING');
    expect((await readInstance(t, small.id)).waiting.map((w) => w.elementId)).toEqual(['work', 'remind']);
    const large = await start('computed-bounds', { n: 100_000, cycle: 'R2/PT1H' });
    expect(large.status).toBe('INCIDENT');
    expect((await readInstance(t, large.id)).incident).toMatchObject({
      elementId: 'count',
      message: '<count> would loop 100000 times; at most 1000 are allowed in one step',
    });
  });

  test('When a timer cycle computed from the variables repeats without pause or too often, then arming it is an incident', async () => {
    for (const [cycle, reason] of [
      ['R/PT0S', '"R/PT0S" repeats without end; at most 1000 repetitions are allowed'],
      ['R5/PT0.001S', '"R5/PT0.001S" repeats every 1 ms; repetitions must be at least 60000 ms apart'],
    ]) {
      const { id, status } = await start('computed-bounds', { n: 1, cycle });
      expect(status).toBe('INCIDENT');
      expect((await readInstance(t, id)).incident?.message).toBe(`the timer cannot be armed: ${reason}`);
    }
    expect(await live(t)).toBe(200);
  });

  test('When a loop count written in the diagram is more than a step may run, then the diagram is refused naming the task', async () => {
    const xml = fixture('computed-bounds.bpmn').replace('${environment.variables.n}', '100000').replaceAll('computed-bounds', 'fixed-loop');
    const res = await t.gql('mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }', { xml });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: ['bpmn:Task count: loop cardinality "100000" is not a number up to 1000 (the activities one step may run)'],
    });
  });
});

describe('A step and a poll within bounds set by the settings', () => {
  let t: TestHub;
  let entered = false;
  let release: () => void = () => undefined;
  // The handler answers only when the test lets it: a step waiting on it must end at its wall-time bound.
  const registry = new ServiceRegistry().register('spin', async () => {
    entered = true;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return {};
  });
  beforeAll(async () => {
    t = await startTestHub({ registry, config: { processStepMaxMs: 300, processTimersPerPoll: 2 } });
    await deploy(t, fixture('loop-forever.bpmn'));
    await deploy(t, fixture('wait-task-and-timer.bpmn'));
  });
  afterAll(async () => {
    release();
    await t.stop();
  });

  test('When a service handler does not answer, then the step becomes an incident at PROCESS_STEP_MAX_MS and other requests are served meanwhile', async () => {
    let answered = false;
    const started = t.ok<Started>(START, { key: 'loop-forever' }).then((res) => {
      answered = true;
      return res.startProcess;
    });
    await until(() => entered);
    expect(await live(t)).toBe(200);
    expect((await t.ok<{ departments: unknown[] }>('{ departments { code } }')).departments.length).toBeGreaterThan(0);
    expect(answered).toBe(false);
    const { id, status } = await started;
    expect(status).toBe('INCIDENT');
    expect((await readInstance(t, id)).incident?.message).toBe('the step did not reach a wait state within 300 ms');
  });

  test('When more timers are due than one poll may fire, then each poll fires PROCESS_TIMERS_PER_POLL of them, and a stopped poller fires none', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.ok<Started>(START, { key: 'wait-task-and-timer' })).startProcess.id);
    t.clock.advance(4000);
    const poller = t.hub.services.processes.poller;
    expect((await poller.runOnce()).fired).toBe(2);
    expect((await poller.runOnce()).fired).toBe(2);
    await poller.stop();
    expect((await poller.runOnce()).fired).toBe(0);
    const stillWaiting = await Promise.all(ids.map(async (id) => (await readInstance(t, id)).waiting.some((w) => w.elementId === 'nudge')));
    expect(stillWaiting.filter(Boolean)).toHaveLength(1);
  });
});
