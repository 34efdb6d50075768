import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';

const START = 'mutation($key: String!, $bk: String) { startProcess(key: $key, businessKey: $bk) { id status } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const HOUR = 3600_000;

describe('Durable timers, incidents, cancelling and moving instances', () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };
  let classifyFails = 0;
  let classifyCalls = 0;
  const registry = new ServiceRegistry().register('classify', async () => {
    classifyCalls++;
    if (classifyFails > 0) {
      classifyFails--;
      throw new Error('资源系统超时 (resource system timed out)');
    }
    return { severity: 'ORDINARY' };
  });

  beforeAll(async () => {
    t = await startTestHub({ registry });
    staff = await makeStaff(t);
    await deploy(t, fixture('fault-mini.bpmn'));
    // The first drawing of fault handling (its restore timer a fixed PT4H): the center's own
    // diagram now counts to the ticket's deadline, and these instances work on no ticket.
    await deploy(t, fixture('four-task-fault.bpmn'));
    await deploy(t, fixture('timer-date.bpmn'));
  });
  afterAll(() => t.stop());

  const start = async (key: string, bk: string) =>
    (await t.ok<{ startProcess: { id: string; status: string } }>(START, { key, bk })).startProcess;
  const poll = () => t.hub.services.processes.poller.runOnce();

  test('When the restore target passes, then the boundary timer fires once, the department is chased, and the task stays open', async () => {
    const { id } = await start('four-task-fault', 'F-1');
    for (const [element, as, v] of [
      ['acknowledge', staff.kx, { impact: true }],
      ['diagnose', staff.ops, { cause: '光缆中断', maintainer: 'OPS' }],
    ] as const) {
      const task = (await readInstance(t, id)).tasks.find((x) => x.elementId === element);
      await t.ok(COMPLETE, { id: task?.id, v }, as);
    }
    let instance = await readInstance(t, id);
    expect(instance.tasks.map((x) => x.elementId)).toEqual(['restore']);
    expect(instance.tasks[0].dueAt).toBe(new Date(t.clock.now().getTime() + 4 * HOUR).toISOString());

    t.clock.advance(4 * HOUR - 1000);
    expect((await poll()).fired).toBe(0);
    t.clock.advance(2000);
    expect(await poll()).toEqual({ fired: 1, overdue: 1 });
    expect(await poll()).toEqual({ fired: 0, overdue: 0 });
    const overdue = await t.ok<{ tasks: { elementId: string; overdue: boolean }[] }>(
      '{ tasks(filter: {overdue: true}) { elementId overdue } }',
    );
    expect(overdue.tasks).toEqual([{ elementId: 'restore', overdue: true }]);

    instance = await readInstance(t, id);
    expect(instance.variables.chasedAt).toEqual([t.clock.now().toISOString()]);
    expect(instance.tasks.map((x) => x.elementId)).toEqual(['restore']);
    expect(instance.history.map((h) => h.elementId)).toEqual(expect.arrayContaining(['restoreLate', 'chase', 'chased']));

    const restore = instance.tasks[0];
    await t.ok(COMPLETE, { id: restore.id }, staff.ops);
    const confirm = (await readInstance(t, id)).tasks[0];
    await t.ok(COMPLETE, { id: confirm.id, v: { customerConfirmed: true } }, staff.kx);
    expect((await readInstance(t, id)).status).toBe('COMPLETED');
  });

  test('When a timer waits for a date the hub has not reached, then it waits for the hub clock, whatever the wall clock says', async () => {
    // The hub's clock is in March 2026; the date is a week later, long before the wall clock.
    const at = new Date(t.clock.now().getTime() + 7 * 24 * HOUR).toISOString();
    const { id } = (
      await t.ok<{ startProcess: { id: string } }>('mutation($v: JSONObject) { startProcess(key: "timer-date", variables: $v) { id } }', {
        v: { at },
      })
    ).startProcess;
    let instance = await readInstance(t, id);
    expect(instance.waiting.map((w) => w.elementId)).toEqual(['until']);
    t.clock.advance(7 * 24 * HOUR - 1000);
    await poll();
    expect((await readInstance(t, id)).tasks).toEqual([]);
    t.clock.advance(2000);
    await poll();
    instance = await readInstance(t, id);
    expect(instance.tasks.map((x) => x.elementId)).toEqual(['work']);
  });

  test('When a task is completed before its timer, then the timer is dropped and never fires', async () => {
    const { id } = await start('fault-mini', 'M-1');
    const [diagnose] = (await readInstance(t, id)).tasks;
    await t.ok(COMPLETE, { id: diagnose.id, v: { cause: 'x' } }, staff.ops);
    t.clock.advance(3 * HOUR);
    await poll();
    const after = await readInstance(t, id);
    expect(after.waiting.map((w) => w.elementId)).toEqual(['confirm']);
    expect(after.history.map((h) => h.elementId)).not.toContain('reminded');
  });

  test('When a service task keeps failing, then after 3 tries the instance shows an incident; retryIncident resumes it', async () => {
    classifyFails = 3;
    classifyCalls = 0;
    const started = await start('fault-mini', 'M-2');
    expect(started.status).toBe('INCIDENT');
    expect(classifyCalls).toBe(3);
    let instance = await readInstance(t, started.id);
    expect(instance.incident).toEqual({ message: expect.stringContaining('资源系统超时'), elementId: 'classify', attempts: 1 });
    expect(instance.tasks).toEqual([]);

    const retry = 'mutation($id: ID!) { retryIncident(id: $id) { status } }';
    const res = await t.ok<{ retryIncident: { status: string } }>(retry, { id: started.id });
    expect(res.retryIncident.status).toBe('WAITING');
    instance = await readInstance(t, started.id);
    expect(instance.incident).toBeNull();
    expect(instance.tasks.map((x) => x.elementId)).toEqual(['diagnose']);
    const again = await t.gql(retry, { id: started.id });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  test('When an instance is cancelled, then its tasks and timers go with it and it cannot be cancelled twice', async () => {
    const { id } = await start('fault-mini', 'M-3');
    const CANCEL = 'mutation($id: ID!) { cancelProcessInstance(id: $id, reason: "客户撤单") { status } }';
    expect((await t.ok<{ cancelProcessInstance: { status: string } }>(CANCEL, { id })).cancelProcessInstance.status).toBe('CANCELLED');
    expect((await readInstance(t, id)).tasks).toEqual([]);
    t.clock.advance(3 * HOUR);
    await poll();
    const after = await readInstance(t, id);
    expect(after.status).toBe('CANCELLED');
    expect(after.history.map((h) => h.elementId)).not.toContain('reminded');
    expect((await t.gql(CANCEL, { id })).errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  test('When waiting instances are moved to a version lacking what they wait on, then it is refused naming the ids; else they move', async () => {
    const { id } = await start('fault-mini', 'M-4');
    const v1 = (await readInstance(t, id)).definitionVersion;
    const renamed = await deploy(
      t,
      fixture('fault-mini.bpmn').replaceAll('"diagnose"', '"diagnoseFault"').replace('name="Classify"', 'name="Classify it"'),
    );
    const MIGRATE =
      'mutation($from: Int!, $to: Int!) { migrateProcessInstances(key: "fault-mini", fromVersion: $from, toVersion: $to) { id definitionVersion } }';
    const refused = await t.gql(MIGRATE, { from: v1, to: renamed.version });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', missing: ['diagnose'] });
    expect((await readInstance(t, id)).definitionVersion).toBe(v1);

    const compatible = await deploy(t, fixture('fault-mini.bpmn').replace('name="Write report"', 'name="Write the fault report"'));
    const moved = await t.ok<{ migrateProcessInstances: { id: string; definitionVersion: number }[] }>(MIGRATE, {
      from: v1,
      to: compatible.version,
    });
    expect(moved.migrateProcessInstances.map((i) => i.id)).toContain(id);
    // The moved instance runs on the new version: its next task carries the new name.
    const [diagnose] = (await readInstance(t, id)).tasks;
    await t.ok(COMPLETE, { id: diagnose.id, v: { cause: 'x' } }, staff.ops);
    await t.ok('mutation { correlateMessage(name: "customer-confirmed", businessKey: "M-4") { id } }');
    const report = await t.ok<{ processInstance: { tasks: { name: string }[] } }>(
      'query($id: ID!) { processInstance(id: $id) { tasks { name } } }',
      { id },
    );
    expect(report.processInstance.tasks).toEqual([{ name: 'Write the fault report' }]);
  });
});
