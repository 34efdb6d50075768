import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';

const START = 'mutation { startProcess(key: "cut-off-race") { id } }';
const COMPLETE = 'mutation($id: ID!) { completeTask(id: $id) { id status } }';
const CLAIM = 'mutation($id: ID!, $v: Int!) { claimTask(id: $id, version: $v) { version assignee { code } } }';

/**
 * Claims change a task without locking its instance. A step that cuts a task off (here a
 * terminate end event) while someone claims it must not overwrite the claim unseen.
 */
describe('Steps and claims of the tasks they cut off', () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };
  // The service task between "finish" and the terminate end waits until the test lets it go.
  let entered: () => void = () => undefined;
  let release: () => void = () => undefined;
  let hold = false;
  const registry = new ServiceRegistry().register('pause', async () => {
    if (!hold) return {};
    entered();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return {};
  });

  beforeAll(async () => {
    t = await startTestHub({ registry });
    staff = await makeStaff(t);
    await deploy(t, fixture('cut-off-race.bpmn'));
    await deploy(t, fixture('timer-cut-off.bpmn'));
  });

  /** Holds the next step in the pause service task; resolves once it is there. */
  const holdNextStep = () => {
    hold = true;
    return new Promise<void>((resolve) => {
      entered = resolve;
    });
  };
  afterAll(() => t.stop());

  test('When the cut-off task is claimed mid-step, then the completion answers CONFLICT, changes nothing, and succeeds when sent again', async () => {
    const { id } = (await t.ok<{ startProcess: { id: string } }>(START)).startProcess;
    const before = await readInstance(t, id);
    const finish = before.tasks.find((task) => task.elementId === 'finish');
    const side = before.tasks.find((task) => task.elementId === 'side');
    if (!finish || !side) throw new Error(`expected tasks finish and side, got ${before.tasks.map((task) => task.elementId)}`);

    const inStep = holdNextStep();
    const completing = t.gql(COMPLETE, { id: finish.id }, staff.ops);
    await inStep;
    const claimed = await t.ok<{ claimTask: { version: number } }>(CLAIM, { id: side.id, v: side.version }, staff.ops);
    expect(claimed.claimTask.version).toBe(side.version + 1);
    release();
    const refused = await completing;
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');

    const after = await readInstance(t, id);
    expect(after.status).toBe('WAITING');
    expect(after.tasks.map((task) => [task.elementId, task.version]).sort()).toEqual([
      ['finish', finish.version],
      ['side', side.version + 1],
    ]);
    expect(after.history).toEqual(before.history);

    hold = false;
    const done = await t.ok<{ completeTask: { status: string } }>(COMPLETE, { id: finish.id }, staff.ops);
    expect(done.completeTask.status).toBe('COMPLETED');
    const ended = await readInstance(t, id);
    expect(ended.status).toBe('COMPLETED');
    expect(ended.tasks).toEqual([]);
  });

  test('When one due timer cannot be written, then the poll logs it, fires the other due timers, and the next poll fires it', async () => {
    const start = async () =>
      (await t.ok<{ startProcess: { id: string } }>('mutation { startProcess(key: "timer-cut-off") { id } }')).startProcess.id;
    const first = await start();
    t.clock.advance(60_000); // the first instance's timer falls due first, so the poll takes it first
    const second = await start();
    t.clock.advance(2 * 3600_000);
    // A fault in the database, for the first instance's timer step only.
    const sql = (text: string) => t.hub.database.orm.em.fork().execute(text);
    await sql(`create function kx_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'injected fault'; end $$`);
    await sql(`create trigger kx_test_refuse before insert on process_activity for each row
      when (new.instance_id = '${first}' and new.element_id = 'pause') execute function kx_test_refuse()`);
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(1);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([
        expect.stringContaining('did not fire; the next poll tries again'),
      ]);
    } finally {
      errors.mockRestore();
      await sql('drop trigger kx_test_refuse on process_activity');
      await sql('drop function kx_test_refuse');
    }
    expect((await readInstance(t, first)).status).toBe('WAITING');
    expect((await readInstance(t, second)).status).toBe('COMPLETED');

    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(1);
    const ended = await readInstance(t, first);
    expect(ended.status).toBe('COMPLETED');
    expect(ended.history.map((h) => h.elementId)).toEqual(['start', 'work', 'late', 'pause', 'gaveUp']);
  });
});
