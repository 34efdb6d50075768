import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { exportProcesses } from '../../src/modules/processes/export-processes';
import { startTestHub, type TestHub } from '../support/hub';
import { fixture } from '../support/processes';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const LIST = `{ processDefinitions { key latestVersion versions { version source comment deployedBy { code } changes { elementId change type } } } }`;
const DEPLOY =
  'mutation($xml: String!, $comment: String) { deployProcessDefinition(input: { xml: $xml, comment: $comment }) { created definition { version } } }';

interface Listed {
  processDefinitions: {
    key: string;
    latestVersion: number;
    versions: {
      version: number;
      source: string | null;
      comment: string | null;
      deployedBy: { code: string } | null;
      changes: { elementId: string; change: string; type: string }[];
    }[];
  }[];
}

describe('Deploys last: who deployed what and why, and a restart keeps it', () => {
  let db: TestDatabase;
  let dir: string;
  const registry = () => new ServiceRegistry().register('classify', async () => ({}));
  const hubOn = () => startTestHub({ database: db, registry: registry(), config: { processesDir: dir } });
  const miniOf = async (t: TestHub) => (await t.ok<Listed>(LIST)).processDefinitions.find((d) => d.key === 'fault-mini');

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'kexiang-processes-'));
    writeFileSync(path.join(dir, 'fault-mini.bpmn'), fixture('fault-mini.bpmn'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  test('When a process owner deploys an edit through the API and the hub restarts, then the edit stays the latest version', async () => {
    let t = await hubOn();
    let mini = await miniOf(t);
    expect(mini?.latestVersion).toBe(1);
    expect(mini?.versions[0]).toMatchObject({ source: 'fault-mini.bpmn', deployedBy: null });
    const edited = fixture('fault-mini.bpmn')
      .replace('name="Write report"', 'name="Write the fault report"')
      .replaceAll('"remind"', '"remindOwner"');
    const deployed = await t.ok<{ deployProcessDefinition: { created: boolean; definition: { version: number } } }>(DEPLOY, {
      xml: edited,
      comment: '报告任务改名；提醒改为提醒负责人',
    });
    expect(deployed.deployProcessDefinition).toEqual({ created: true, definition: { version: 2 } });
    mini = await miniOf(t);
    expect(mini?.versions[0]).toMatchObject({
      version: 2,
      source: null,
      comment: '报告任务改名；提醒改为提醒负责人',
      deployedBy: { code: 'admin' },
    });
    const changes = mini?.versions[0].changes.map((c) => [c.elementId, c.change]) ?? [];
    expect(changes).toEqual(
      expect.arrayContaining([
        ['remind', 'REMOVED'],
        ['remindOwner', 'ADDED'],
        ['report', 'CHANGED'],
      ]),
    );
    // Elements nobody touched are not listed.
    expect(changes.map(([id]) => id)).not.toContain('classify');
    await t.stop();

    t = await hubOn();
    expect((await miniOf(t))?.latestVersion).toBe(2);
    await t.stop();
  });

  test('When the file in processes/ changes after that, then the restart deploys it as the next version', async () => {
    writeFileSync(path.join(dir, 'fault-mini.bpmn'), fixture('fault-mini.bpmn').replace('name="Diagnose"', 'name="Diagnose the fault"'));
    const t = await hubOn();
    const mini = await miniOf(t);
    expect(mini?.latestVersion).toBe(3);
    expect(mini?.versions[0]).toMatchObject({ source: 'fault-mini.bpmn', comment: 'processes/fault-mini.bpmn changed' });
    expect(mini?.versions[0].changes.map((c) => c.elementId)).toContain('diagnose');
    await t.stop();
  });

  test('When the deployed versions are exported, then processes/ holds them and the next restart makes no version', async () => {
    let t = await hubOn();
    const edited = fixture('fault-mini.bpmn').replace('name="Customer confirms"', 'name="The customer confirms"');
    await t.ok(DEPLOY, { xml: edited, comment: 'wording' });
    const exported = await exportProcesses(t.hub.database.orm.em.fork(), dir);
    expect(exported.find((e) => e.key === 'fault-mini')).toEqual({ key: 'fault-mini', version: 4, file: 'fault-mini.bpmn' });
    expect(readFileSync(path.join(dir, 'fault-mini.bpmn'), 'utf8')).toBe(edited);
    await t.stop();
    t = await hubOn();
    expect((await miniOf(t))?.latestVersion).toBe(4);
    await t.stop();
  });
});
