import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gqlAt, startHubProcess } from '../support/hub-process';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const xml = readFileSync(path.join(__dirname, '..', 'fixtures', 'bpmn', 'wait-task-and-timer.bpmn'), 'utf8');
const INSTANCE = `query($id: ID!) { processInstance(id: $id) { status waiting { elementId } tasks { id elementId } history { elementId leftAt } } }`;
type View = {
  status: string;
  waiting: { elementId: string }[];
  tasks: { id: string; elementId: string }[];
  history: { elementId: string; leftAt: string | null }[];
};

/** Asks again until `done` holds; bounded, so a hub that never gets there fails the test. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 100): Promise<T> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (done(value) || i >= attempts) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('A hub killed in the middle of a procedure', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test('When the hub is SIGKILLed while an instance waits on a task and a timer, then after a restart the task is open, the timer fires once, and the instance completes', async () => {
    const env = { DATABASE_URL: db.url, SEED_ON_EMPTY: 'false', PROCESS_POLL_MS: '200' };
    const first = await startHubProcess(env);
    let instanceId: string;
    try {
      const { departments } = await gqlAt<{ departments: { id: string; code: string }[] }>(first.url, '{ departments { id code } }');
      await gqlAt(
        first.url,
        'mutation($d: ID!) { createUser(input: {code: "ops.crash", name: "运维", departmentId: $d, roles: [OPERATIONS]}) { id } }',
        {
          d: departments.find((d) => d.code === 'OPS')?.id,
        },
      );
      await gqlAt(first.url, 'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }', { xml });
      const started = await gqlAt<{ startProcess: { id: string; status: string } }>(
        first.url,
        'mutation { startProcess(key: "wait-task-and-timer") { id status } }',
      );
      expect(started.startProcess.status).toBe('WAITING');
      instanceId = started.startProcess.id;
    } finally {
      await first.kill();
    }

    const second = await startHubProcess(env);
    try {
      const read = async () => (await gqlAt<{ processInstance: View }>(second.url, INSTANCE, { id: instanceId })).processInstance;
      const before = await read();
      expect(before.tasks.map((t) => t.elementId)).toEqual(['work']);
      const nudged = await until(read, (v) => v.history.some((h) => h.elementId === 'nudged'));
      expect(nudged.history.filter((h) => h.elementId === 'nudge')).toHaveLength(1);
      expect(nudged.history.filter((h) => h.elementId === 'nudged')).toHaveLength(1);
      expect(nudged.tasks.map((t) => t.elementId)).toEqual(['work']);

      await gqlAt(second.url, 'mutation($id: ID!) { completeTask(id: $id) { id } }', { id: nudged.tasks[0].id }, 'ops.crash');
      const after = await read();
      expect(after.status).toBe('COMPLETED');
      expect(after.history.filter((h) => h.elementId === 'nudged')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
