import type { Client } from 'graphql-ws';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';
import { subscribe, wsClient } from '../support/subscriptions';

const START = 'mutation($bk: String) { startProcess(key: "fault-mini", businessKey: $bk) { id } }';
const COMPLETE = 'mutation($id: ID!, $v: JSONObject) { completeTask(id: $id, variables: $v) { id } }';

describe('Two hubs on one database', () => {
  let a: TestHub;
  let b: TestHub;
  let staff: { ops: string; kx: string; sales: string };
  const clients: Client[] = [];
  const registry = () => new ServiceRegistry().register('classify', async () => ({ severity: 'ORDINARY' }));

  beforeAll(async () => {
    a = await startTestHub({ registry: registry() });
    b = await startTestHub({ registry: registry(), database: a.db, clock: a.clock });
    staff = await makeStaff(a);
    await deploy(a, fixture('fault-mini.bpmn'));
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await b.stop();
    await a.stop();
  });

  test('When both hubs poll at once, then every due timer fires exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await a.ok<{ startProcess: { id: string } }>(START, { bk: `H-${i}` })).startProcess.id);
    a.clock.advance(2 * 3600_000 + 1000);
    const [fromA, fromB] = await Promise.all([a.hub.services.processes.poller.runOnce(), b.hub.services.processes.poller.runOnce()]);
    const again = await Promise.all([a.hub.services.processes.poller.runOnce(), b.hub.services.processes.poller.runOnce()]);
    expect(fromA.fired + fromB.fired + again[0].fired + again[1].fired).toBe(12);
    for (const id of ids) {
      const instance = await readInstance(b, id);
      expect(instance.history.filter((h) => h.elementId === 'reminded')).toHaveLength(1);
    }
  });

  test('When the same task is completed through both hubs at once, then one wins and the other gets CONFLICT', async () => {
    const { startProcess } = await a.ok<{ startProcess: { id: string } }>(START, { bk: 'race' });
    const [task] = (await readInstance(a, startProcess.id)).tasks;
    const results = await Promise.all([
      a.gql(COMPLETE, { id: task.id, v: { cause: 'a' } }, staff.ops),
      b.gql(COMPLETE, { id: task.id, v: { cause: 'b' } }, staff.ops),
    ]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const instance = await readInstance(a, startProcess.id);
    expect(instance.history.filter((h) => h.elementId === 'diagnose')).toHaveLength(1);
    expect(instance.waiting.map((w) => w.elementId)).toEqual(['confirm']);
  });

  test("When a task is made through one hub, then the department's subscribers on the other hear of it; others do not", async () => {
    const ops = wsClient(b.url, staff.ops);
    const kx = wsClient(b.url, staff.kx);
    clients.push(ops, kx);
    type Notice = {
      taskChanged: { change: string; task: { elementId: string; candidateDepartment: string | null; candidateRole: string | null } };
    };
    const TASKS =
      'subscription { taskChanged(filter: {myDepartment: true}) { change task { elementId candidateDepartment candidateRole } } }';
    const INSTANCES =
      'subscription { processInstanceChanged(filter: {businessKey: "live-1"}) { businessKey status waiting { elementId } } }';
    const opsProbe = await subscribe<Notice>(ops, TASKS);
    const kxProbe = await subscribe<Notice>(kx, TASKS);
    const instanceProbe = await subscribe<{ processInstanceChanged: { status: string; waiting: { elementId: string }[] } }>(ops, INSTANCES);
    const { startProcess } = await a.ok<{ startProcess: { id: string } }>(START, { bk: 'live-1' });
    expect(await opsProbe.next()).toEqual({
      taskChanged: { change: 'CREATED', task: { elementId: 'diagnose', candidateDepartment: 'OPS', candidateRole: null } },
    });
    expect((await instanceProbe.next()).processInstanceChanged.status).toBe('WAITING');

    const [task] = (await readInstance(a, startProcess.id)).tasks;
    await a.ok(COMPLETE, { id: task.id, v: { cause: 'x' } }, staff.ops);
    expect((await opsProbe.next()).taskChanged.change).toBe('COMPLETED');
    await a.ok('mutation { correlateMessage(name: "customer-confirmed", businessKey: "live-1") { id } }');
    // The response center's first notice is its own task: the OPS task's notices never reached it.
    expect(await kxProbe.next()).toEqual({
      taskChanged: { change: 'CREATED', task: { elementId: 'report', candidateDepartment: null, candidateRole: 'RESPONSE_CENTER' } },
    });
    for (const p of [opsProbe, kxProbe, instanceProbe]) await p.close();
  });
});
