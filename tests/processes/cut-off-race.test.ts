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
describe('A step and a claim of a task it cuts off', () => {
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
  });
  afterAll(() => t.stop());

  test('When the cut-off task is claimed mid-step, then the completion answers CONFLICT, changes nothing, and succeeds when sent again', async () => {
    const { id } = (await t.ok<{ startProcess: { id: string } }>(START)).startProcess;
    const before = await readInstance(t, id);
    const finish = before.tasks.find((task) => task.elementId === 'finish');
    const side = before.tasks.find((task) => task.elementId === 'side');
    if (!finish || !side) throw new Error(`expected tasks finish and side, got ${before.tasks.map((task) => task.elementId)}`);

    hold = true;
    const inStep = new Promise<void>((resolve) => {
      entered = resolve;
    });
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
});
