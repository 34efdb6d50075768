import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';

// The fault-handling diagram as it was drawn first (four tasks, one timer): the statements a step
// costs do not depend on the diagram, so this one stays fixed while the center's procedure grows.
const START = 'mutation($bk: String!) { startProcess(key: "four-task-fault", businessKey: $bk) { id status } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id status } }';
const FORMS: Record<string, Record<string, unknown>> = {
  acknowledge: { impact: true },
  diagnose: { cause: '光缆中断', maintainer: 'OPS' },
  restore: {},
  confirmAndReport: { customerConfirmed: true },
};

/** A step is read with a few statements and written with one, however far the instance has come. */
describe('A process step costs a constant number of SQL statements', () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };

  beforeAll(async () => {
    t = await startTestHub();
    staff = await makeStaff(t);
    await deploy(t, fixture('four-task-fault.bpmn'));
  });
  afterAll(() => t.stop());

  test('When fault handling runs end to end, then each completion locks once, writes once and sends at most 7 statements (6 without timers)', async () => {
    const { id } = (await t.ok<{ startProcess: { id: string } }>(START, { bk: 'T-stmt-1' }, staff.kx)).startProcess;
    // Once the hub has read the diagram: begin, actor, latest version, insert, step write, commit.
    const started = await t.countStatements(() => t.ok(START, { bk: 'T-stmt-2' }, staff.kx));
    expect(started.count).toBeLessThanOrEqual(6);
    for (const elementId of ['acknowledge', 'diagnose', 'restore', 'confirmAndReport']) {
      const [task] = (await readInstance(t, id)).tasks;
      expect(task.elementId).toBe(elementId);
      const who = elementId === 'diagnose' || elementId === 'restore' ? staff.ops : staff.kx;
      const completed = await t.countStatements(() => t.ok(COMPLETE, { id: task.id, v: FORMS[elementId] }, who));
      const locks = completed.statements.filter((s) => /for update/i.test(s));
      const writes = completed.statements.filter(
        (s) => /^\s*(with|insert|update|delete)\b/i.test(s) && !/^\s*with\b.*\bselect\b[^;]*$/i.test(s),
      );
      expect({ elementId, locks: locks.length, writes: writes.length }).toEqual({ elementId, locks: 1, writes: 1 });
      expect(completed.count).toBeLessThanOrEqual(7);
    }
    expect((await readInstance(t, id)).status).toBe('COMPLETED');
  });
});
