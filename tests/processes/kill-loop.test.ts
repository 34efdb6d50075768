import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gqlAt, type HubProcess, startHubProcess } from '../support/hub-process';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const RUNS = Number(process.env.KILL_RUNS ?? 6);
const xml = readFileSync(path.join(__dirname, '..', 'fixtures', 'bpmn', 'wait-task-and-timer.bpmn'), 'utf8');
const INSTANCE = `query($id: ID!) { processInstance(id: $id) { status waiting { elementId } tasks { id } history { elementId leftAt } } }`;
type View = {
  status: string;
  waiting: { elementId: string }[];
  tasks: { id: string }[];
  history: { elementId: string; leftAt: string | null }[];
};

describe('SIGKILL at random points of a process step', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test(`When the hub is killed while completing a task (${RUNS} runs), then each step is done once or not at all`, async () => {
    const env = { DATABASE_URL: db.url, SEED_ON_EMPTY: 'false', PROCESS_POLL_MS: '0' };
    let hub: HubProcess = await startHubProcess(env);
    const { departments } = await gqlAt<{ departments: { id: string; code: string }[] }>(hub.url, '{ departments { id code } }');
    await gqlAt(
      hub.url,
      'mutation($d: ID!) { createUser(input: {code: "ops.kill", name: "运维", departmentId: $d, roles: [OPERATIONS]}) { id } }',
      {
        d: departments.find((d) => d.code === 'OPS')?.id,
      },
    );
    await gqlAt(hub.url, 'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }', { xml });
    const outcomes = { done: 0, notDone: 0 };
    try {
      for (let run = 0; run < RUNS; run++) {
        const { startProcess } = await gqlAt<{ startProcess: { id: string } }>(
          hub.url,
          'mutation { startProcess(key: "wait-task-and-timer") { id } }',
        );
        const before = (await gqlAt<{ processInstance: View }>(hub.url, INSTANCE, { id: startProcess.id })).processInstance;
        const complete = gqlAt(
          hub.url,
          'mutation($id: ID!) { completeTask(id: $id) { id } }',
          { id: before.tasks[0].id },
          'ops.kill',
        ).catch(() => 'cut off');
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 40)));
        await hub.kill();
        await complete;
        hub = await startHubProcess(env);

        const after = (await gqlAt<{ processInstance: View }>(hub.url, INSTANCE, { id: startProcess.id })).processInstance;
        const work = after.history.filter((h) => h.elementId === 'work');
        expect(work).toHaveLength(1);
        if (after.status === 'COMPLETED') {
          outcomes.done++;
          expect(after.tasks).toEqual([]);
          expect(work[0].leftAt).not.toBeNull();
          expect(after.history.filter((h) => h.elementId === 'done')).toHaveLength(1);
        } else {
          outcomes.notDone++;
          expect(after.status).toBe('WAITING');
          expect(after.tasks).toHaveLength(1);
          expect(work[0].leftAt).toBeNull();
          await gqlAt(hub.url, 'mutation($id: ID!) { completeTask(id: $id) { id } }', { id: after.tasks[0].id }, 'ops.kill');
          const finished = (await gqlAt<{ processInstance: View }>(hub.url, INSTANCE, { id: startProcess.id })).processInstance;
          expect(finished.status).toBe('COMPLETED');
        }
      }
    } finally {
      await hub.stop();
    }
    console.log(`kill loop: ${RUNS} runs, ${outcomes.done} steps done before the kill, ${outcomes.notDone} not at all, none half-done`);
    expect(outcomes.done + outcomes.notDone).toBe(RUNS);
  }, 180_000);
});
