import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';

const START =
  'mutation($key: String!, $bk: String, $v: JSONObject) { startProcess(key: $key, businessKey: $bk, variables: $v) { id status } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id status completedBy { code } } }';
const CORRELATE =
  'mutation($name: String!, $bk: String!, $v: JSONObject) { correlateMessage(name: $name, businessKey: $bk, variables: $v) { id status } }';

describe('Running a procedure: tasks, messages, history', () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };
  const registry = new ServiceRegistry().register('classify', async (call) => ({
    severity: call.variables.priority === 'HIGH' ? 'MAJOR' : 'ORDINARY',
  }));

  beforeAll(async () => {
    t = await startTestHub({ registry });
    staff = await makeStaff(t);
    await deploy(t, fixture('fault-mini.bpmn'));
  });
  afterAll(() => t.stop());

  const start = async (bk: string) =>
    (await t.ok<{ startProcess: { id: string; status: string } }>(START, { key: 'fault-mini', bk, v: { priority: 'HIGH' } })).startProcess;

  test('When a process starts, then it runs its service task and waits on a user task offered to the right department', async () => {
    const started = await start('T-1');
    expect(started.status).toBe('WAITING');
    const instance = await readInstance(t, started.id);
    expect(instance.variables).toEqual({ priority: 'HIGH', severity: 'MAJOR' });
    expect(instance.waiting.map((w) => w.elementId).sort()).toEqual(['diagnose', 'remind']);
    expect(instance.tasks).toHaveLength(1);
    expect(instance.tasks[0]).toMatchObject({ elementId: 'diagnose', candidateDepartment: 'OPS', candidateRole: null });
    expect(instance.tasks[0].formFields).toEqual([
      { id: 'cause', type: 'string', required: true, values: null },
      { id: 'onSite', type: 'boolean', required: false, values: null },
    ]);
    // The task is due when its boundary timer (PT2H) fires, by the hub's clock.
    expect(instance.tasks[0].dueAt).toBe(new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString());
    expect(instance.history.map((h) => h.elementId)).toEqual(['start', 'classify', 'diagnose', 'remind']);
  });

  test('When someone outside the candidate department completes the task, then FORBIDDEN and nothing moves', async () => {
    const { id } = await start('T-2');
    const [task] = (await readInstance(t, id)).tasks;
    const res = await t.gql(COMPLETE, { id: task.id, v: { cause: 'x' } }, staff.sales);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('department OPS');
    expect((await readInstance(t, id)).tasks).toHaveLength(1);
  });

  test('When the variables do not fit the form, then BAD_USER_INPUT names the field', async () => {
    const { id } = await start('T-3');
    const [task] = (await readInstance(t, id)).tasks;
    const missing = await t.gql(COMPLETE, { id: task.id, v: { onSite: true } }, staff.ops);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.cause' });
    const wrongType = await t.gql(COMPLETE, { id: task.id, v: { cause: 'x', onSite: 'yes' } }, staff.ops);
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.onSite' });
    const unknown = await t.gql(COMPLETE, { id: task.id, v: { cause: 'x', colour: 'red' } }, staff.ops);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables' });
  });

  test('When the work is done end to end, then the instance completes, with who did what in its history', async () => {
    const { id } = await start('T-4');
    const [diagnose] = (await readInstance(t, id)).tasks;
    const done = await t.ok<{ completeTask: { status: string; completedBy: { code: string } } }>(
      COMPLETE,
      { id: diagnose.id, v: { cause: '光缆中断', onSite: true } },
      staff.ops,
    );
    expect(done.completeTask).toEqual({ id: diagnose.id, status: 'COMPLETED', completedBy: { code: staff.ops } });
    let instance = await readInstance(t, id);
    expect(instance.waiting).toEqual([
      { elementId: 'confirm', type: 'bpmn:IntermediateCatchEvent', name: 'Customer confirms', message: 'customer-confirmed' },
    ]);
    expect(instance.tasks).toEqual([]);

    const wrong = await t.gql(CORRELATE, { name: 'customer-confirmed', bk: 'T-nobody' });
    expect(wrong.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(wrong.errors?.[0].message).toContain('not buffered');
    await t.ok(CORRELATE, { name: 'customer-confirmed', bk: 'T-4', v: { confirmedBy: '张主任' } });
    instance = await readInstance(t, id);
    expect(instance.tasks.map((x) => x.elementId)).toEqual(['report']);
    expect(instance.variables.confirmedBy).toBe('张主任');

    await t.ok(COMPLETE, { id: instance.tasks[0].id }, staff.kx);
    instance = await readInstance(t, id);
    expect(instance.status).toBe('COMPLETED');
    expect(instance.waiting).toEqual([]);
    const diagnosed = instance.history.find((h) => h.elementId === 'diagnose');
    expect(diagnosed?.completedBy).toEqual({ code: staff.ops });
    expect(instance.history.every((h) => h.leftAt !== null)).toBe(true);

    const again = await t.gql(COMPLETE, { id: diagnose.id, v: { cause: 'x' } }, staff.ops);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  test("When tasks are listed as a work queue, then each person sees their department's open tasks", async () => {
    await start('T-5');
    const QUEUE = '{ tasks(filter: {myDepartment: true}) { elementId candidateDepartment } }';
    const ops = await t.ok<{ tasks: { candidateDepartment: string }[] }>(QUEUE, {}, staff.ops);
    expect(ops.tasks.length).toBeGreaterThan(0);
    expect(ops.tasks.every((x) => x.candidateDepartment === 'OPS')).toBe(true);
    const sales = await t.ok<{ tasks: unknown[] }>(QUEUE, {}, staff.sales);
    expect(sales.tasks).toEqual([]);
  });

  test('When a task is claimed, then only the claimer completes or unclaims it', async () => {
    const { id } = await start('T-6');
    const [task] = (await readInstance(t, id)).tasks;
    const other = await makeStaff(t);
    const claimed = await t.ok<{ claimTask: { version: number; assignee: { code: string } } }>(
      'mutation($id: ID!, $v: Int!) { claimTask(id: $id, version: $v) { version assignee { code } } }',
      { id: task.id, v: task.version },
      staff.ops,
    );
    expect(claimed.claimTask.assignee).toEqual({ code: staff.ops });
    const stolen = await t.gql(COMPLETE, { id: task.id, v: { cause: 'x' } }, other.ops);
    expect(stolen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = await t.ok<{ tasks: { elementId: string }[] }>('{ tasks(filter: {mine: true}) { elementId } }', {}, staff.ops);
    expect(mine.tasks.map((x) => x.elementId)).toContain('diagnose');
  });
});
