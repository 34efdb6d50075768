import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';
import { codesOf } from '../support/transports';

const START = 'mutation($bk: String!) { startProcess(key: "four-task-fault", businessKey: $bk) { id } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id status } }';

describe("A task's form takes answers, not blanks or documents", () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    staff = await makeStaff(t);
    await deploy(t, fixture('four-task-fault.bpmn'));
  });
  afterAll(() => t.stop());

  test('When a required field is spaces, a text is over 4,000 characters, or a formless task gets 100 KB, then BAD_USER_INPUT and the task stays open', async () => {
    const { startProcess } = await t.ok<{ startProcess: { id: string } }>(START, { bk: 'FORM-1' }, staff.kx);
    const acknowledge = (await readInstance(t, startProcess.id)).tasks[0];
    await t.ok(COMPLETE, { id: acknowledge.id, v: { impact: true } }, staff.kx);
    const diagnose = (await readInstance(t, startProcess.id)).tasks[0];
    expect(diagnose.elementId).toBe('diagnose');
    for (const v of [
      { cause: '   ', maintainer: 'OPS' },
      { cause: '断'.repeat(4001), maintainer: 'OPS' },
    ]) {
      const res = await t.gql(COMPLETE, { id: diagnose.id, v }, staff.ops);
      expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await readInstance(t, startProcess.id)).tasks.map((x) => x.id)).toEqual([diagnose.id]);
    await t.ok(COMPLETE, { id: diagnose.id, v: { cause: '光缆中断', maintainer: 'OPS' } }, staff.ops);

    // "Restore service" has no form: any variables, but not a document.
    const restore = (await readInstance(t, startProcess.id)).tasks[0];
    const res = await t.gql(COMPLETE, { id: restore.id, v: { measure: 'x'.repeat(100_000) } }, staff.ops);
    expect(codesOf(res)).toEqual(['BAD_USER_INPUT']);
    expect((await readInstance(t, startProcess.id)).tasks.map((x) => x.elementId)).toEqual(['restore']);
  });
});
