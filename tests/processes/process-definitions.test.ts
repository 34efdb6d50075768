import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture } from '../support/processes';

const DEPLOY = 'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created definition { key version } } }';
const LIST = `{ processDefinitions { key latestVersion versions { version sha256 source elements { id type name attachedTo } instanceCounts { status count } } } }`;

type Listed = {
  key: string;
  latestVersion: number;
  versions: { version: number; source: string | null; elements: { id: string; type: string; attachedTo: string | null }[] }[];
}[];

describe('Deploying process definitions', () => {
  let t: TestHub;
  const mini = fixture('fault-mini.bpmn');
  beforeAll(async () => {
    // fault-mini's service task calls "classify": deployment refuses handlers the hub lacks.
    t = await startTestHub({ registry: new ServiceRegistry().register('classify', async () => ({})) });
  });
  afterAll(() => t.stop());

  const list = async () => (await t.ok<{ processDefinitions: Listed }>(LIST)).processDefinitions;
  const refused = async (xml: string) => {
    const before = await list();
    const res = await t.gql<unknown>(DEPLOY, { xml });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'xml' });
    expect(await list()).toEqual(before);
    return { message: res.errors?.[0].message ?? '', problems: (res.errors?.[0].extensions?.problems ?? []) as string[] };
  };

  test('When the hub starts, then every diagram in processes/ is deployed with its elements', async () => {
    const definitions = await list();
    const onDisk = readdirSync(path.join(__dirname, '..', '..', 'processes')).filter((f) => f.endsWith('.bpmn'));
    expect(definitions.map((d) => `${d.key}.bpmn`).sort()).toEqual(expect.arrayContaining(onDisk.sort()));
    const fault = definitions.find((d) => d.key === 'fault-handling');
    expect(fault?.latestVersion).toBe(1);
    expect(fault?.versions[0].source).toBe('fault-handling.bpmn');
    const elements = fault?.versions[0].elements ?? [];
    expect(elements.filter((e) => e.type === 'bpmn:UserTask').map((e) => e.id)).toEqual(
      expect.arrayContaining(['acknowledge', 'diagnose', 'restore', 'confirm', 'callback']),
    );
    expect(elements.find((e) => e.id === 'restoreLate')).toMatchObject({ type: 'bpmn:BoundaryEvent', attachedTo: 'restore' });
  });

  test('When the same XML is deployed twice, then no new version is made; an edited one becomes the next version', async () => {
    expect(await deploy(t, mini)).toEqual({ key: 'fault-mini', version: 1, created: true });
    expect(await deploy(t, mini)).toEqual({ key: 'fault-mini', version: 1, created: false });
    expect(await deploy(t, mini.replace('name="Diagnose"', 'name="Diagnose the fault"'))).toEqual({
      key: 'fault-mini',
      version: 2,
      created: true,
    });
    expect((await list()).find((d) => d.key === 'fault-mini')?.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  test('When the XML does not parse, then it is refused and nothing is stored', async () => {
    const { problems } = await refused('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process');
    expect(problems[0]).toMatch(/does not parse/);
  });

  test('When the XML declares entities (XXE, billion laughs), then it is refused before parsing', async () => {
    const xxe = mini.replace('<bpmn:definitions', '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<bpmn:definitions');
    expect((await refused(xxe)).problems).toEqual(['the diagram declares a DOCTYPE or entities, which are not allowed']);
  });

  test('When a diagram holds a script task or a JavaScript condition, then it is refused: diagrams never run code', async () => {
    const script = mini.replace(
      /<bpmn:serviceTask id="classify" name="Classify" implementation="[^"]*">([\s\S]*?)<\/bpmn:serviceTask>/,
      '<bpmn:scriptTask id="classify" name="Classify" scriptFormat="javascript">$1<bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>',
    );
    const { problems } = await refused(script);
    expect(problems).toEqual(expect.arrayContaining(['bpmn:ScriptTask classify is a script task']));
    const condition = mini
      .replace(
        '<bpmn:sequenceFlow id="f2" sourceRef="classify" targetRef="diagnose" />',
        '<bpmn:sequenceFlow id="f2" sourceRef="classify" targetRef="diagnose"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, true)</bpmn:conditionExpression></bpmn:sequenceFlow>',
      )
      .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ');
    expect((await refused(condition)).problems.join(' ')).toMatch(/written in javascript/);
  });

  test('When no process is executable, then it is refused saying so', async () => {
    expect((await refused(mini.replace('isExecutable="true"', 'isExecutable="false"'))).problems).toEqual([
      'no process in it is executable (isExecutable="true")',
    ]);
  });

  test("When bpmnlint's recommended rules find errors, then they are listed", async () => {
    const { problems, message } = await refused(fixture('fault-mini-no-layout.bpmn'));
    expect(problems.length).toBeGreaterThan(3);
    expect(problems[0]).toMatch(/^bpmnlint no-bpmndi: Element is missing bpmndi/);
    expect(message).toContain('cannot be deployed');
  });

  test('When the diagram is larger than 1 MB, then it is refused', async () => {
    const big = mini.replace('<bpmn:process', `<!-- ${'x'.repeat(1024 * 1024)} -->\n<bpmn:process`);
    expect((await refused(big)).problems).toEqual(['the diagram is larger than 1048576 bytes (1 MB)']);
  });
});
