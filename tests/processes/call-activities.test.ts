import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';

const START =
  'mutation($key: String!, $bk: String, $v: JSONObject) { startProcess(key: $key, businessKey: $bk, variables: $v) { id status } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';
const LINKS = `query($id: ID!) { processInstance(id: $id) {
  id status variables waiting { elementId type }
  calledBy { id }
  calledInstances { id status definition { key } tasks { id elementId } calledBy { id } }
} }`;
const HOUR = 3600_000;

interface Links {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  waiting: { elementId: string; type: string }[];
  calledBy: { id: string } | null;
  calledInstances: {
    id: string;
    status: string;
    definition: { key: string };
    tasks: { id: string; elementId: string }[];
    calledBy: { id: string };
  }[];
}

describe('Call activities: the called process runs as its own instance and answers its caller', () => {
  let t: TestHub;
  let staff: { ops: string; kx: string; sales: string };

  beforeAll(async () => {
    t = await startTestHub({ config: { ticketProcedures: 'none' } });
    staff = await makeStaff(t);
    await deploy(t, fixture('called-review.bpmn'));
    await deploy(t, fixture('calling-review.bpmn'));
  });
  afterAll(() => t.stop());

  const links = async (id: string) => (await t.ok<{ processInstance: Links }>(LINKS, { id })).processInstance;
  const start = async (bk: string) =>
    (await t.ok<{ startProcess: { id: string } }>(START, { key: 'calling-review', bk, v: { site: '园区 A' } })).startProcess.id;

  test('When a caller reaches its call activity, then the called process starts with its variables and the caller waits there', async () => {
    const id = await start('CALL-1');
    const caller = await links(id);
    expect(caller.status).toBe('WAITING');
    expect(caller.waiting).toEqual([
      { elementId: 'askReview', type: 'bpmn:CallActivity' },
      { elementId: 'reviewTooSlow', type: 'bpmn:TimerEventDefinition' },
    ]);
    expect(caller.calledInstances).toHaveLength(1);
    const [child] = caller.calledInstances;
    expect(child).toMatchObject({ status: 'WAITING', definition: { key: 'called-review' }, calledBy: { id } });
    expect(child.tasks.map((task) => task.elementId)).toEqual(['review']);
    expect((await readInstance(t, child.id)).variables).toMatchObject({ site: '园区 A' });
  });

  test("When the called process completes, then its answer comes back as the caller's variables and the caller moves on", async () => {
    const id = await start('CALL-2');
    const [child] = (await links(id)).calledInstances;
    await t.ok(COMPLETE, { id: child.tasks[0].id, v: { approved: true } }, staff.ops);

    const caller = await links(id);
    expect(caller.calledInstances[0].status).toBe('COMPLETED');
    expect(caller.status).toBe('WAITING');
    expect(caller.waiting.map((w) => w.elementId)).toEqual(['decide']);
    expect(caller.variables).toMatchObject({ site: '园区 A', approved: true });
    // The call's own timer went with it: the caller waits on nothing but its next task.
    const decide = (await readInstance(t, id)).tasks.find((task) => task.elementId === 'decide');
    await t.ok(COMPLETE, { id: decide?.id }, staff.kx);
    expect((await links(id)).status).toBe('COMPLETED');
  });

  test('When the caller is cancelled while the called process runs, then the called one is cancelled and its task closed', async () => {
    const id = await start('CALL-3');
    const [child] = (await links(id)).calledInstances;
    await t.ok('mutation($id: ID!) { cancelProcessInstance(id: $id, reason: "customer withdrew") { id } }', { id });

    const caller = await links(id);
    expect(caller.status).toBe('CANCELLED');
    expect(caller.calledInstances[0].status).toBe('CANCELLED');
    expect(caller.calledInstances[0].tasks).toEqual([]);
    const open = await t.ok<{ tasks: { id: string }[] }>('{ tasks { id } }', {}, staff.ops);
    expect(open.tasks.map((task) => task.id)).not.toContain(child.tasks[0].id);
  });

  test("When the call is interrupted by its boundary timer, then the called process is cancelled and the caller takes the timer's path", async () => {
    const id = await start('CALL-4');
    t.clock.advance(HOUR + 1000);
    await t.hub.services.processes.poller.runOnce();

    const caller = await links(id);
    expect(caller.status).toBe('COMPLETED');
    expect(caller.calledInstances[0].status).toBe('CANCELLED');
  });

  test('When the called instance alone is cancelled while its caller waits for it, then it is CONFLICT naming the caller, and both run on', async () => {
    const id = await start('CALL-6');
    const [child] = (await links(id)).calledInstances;
    const refused = await t.gql('mutation($id: ID!) { cancelProcessInstance(id: $id, reason: "opened by mistake") { id } }', {
      id: child.id,
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', callerInstanceId: id, callerBusinessKey: 'CALL-6' });
    const caller = await links(id);
    expect([caller.status, caller.calledInstances[0].status]).toEqual(['WAITING', 'WAITING']);
    await t.ok(COMPLETE, { id: child.tasks[0].id, v: { approved: false } }, staff.ops);
    expect((await links(id)).waiting.map((w) => w.elementId)).toEqual(['decide']);
  });

  test('When a called process answers a caller that was cancelled meanwhile, then nothing moves', async () => {
    const id = await start('CALL-5');
    const [child] = (await links(id)).calledInstances;
    await t.ok('mutation($id: ID!) { cancelProcessInstance(id: $id, reason: "stopped") { id } }', { id });
    const late = await t.gql(COMPLETE, { id: child.tasks[0].id, v: { approved: true } }, staff.ops);
    expect(late.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await links(id)).status).toBe('CANCELLED');
  });
});
