// biome-ignore-all lint/suspicious/noTemplateCurlyInString: BPMN expressions are written ${...}, in plain strings
import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, refusedProblems } from '../support/processes';

const DEPLOY = 'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }';
const START = 'mutation($key: String!, $v: JSONObject) { startProcess(key: $key, variables: $v) { id status } }';

/** Issue #10: what a modeler writes deploys; what cannot run is refused, each problem once, naming its element. */
describe('Deploying diagrams as modelers write them', () => {
  let t: TestHub;
  const registry = new ServiceRegistry().register('check', async () => ({ checked: true }));
  const timers = fixture('modeler/typed-timers.bpmn');
  const forms = fixture('modeler/forms-and-conditions.bpmn');
  /** forms-and-conditions under another process id, with texts replaced */
  const variant = (key: string, ...replacements: [string, string][]) => {
    let xml = forms;
    for (const [from, to] of replacements) {
      if (!xml.includes(from)) throw new Error(`forms-and-conditions.bpmn has no ${from}`);
      xml = xml.replace(from, to);
    }
    return xml.replaceAll('modeler-forms', key);
  };
  const APPROVE = '<bpmn:userTask id="Activity_approve" name="Approve" camunda:candidateGroups="SUPERVISOR">';

  beforeAll(async () => {
    t = await startTestHub({ registry });
  });
  afterAll(() => t.stop());

  const refused = (xml: string) => refusedProblems(t, xml);

  test('When timers are written as bpmn-js writes them (typed and untyped; duration, date, cycle; ISO, ${...} and =FEEL), then the diagram deploys and waits on them', async () => {
    expect(timers).toContain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P7D</bpmn:timeDuration>');
    expect(await deploy(t, timers)).toMatchObject({ key: 'modeler-typed-timers', created: true });
    const started = await t.ok<{ startProcess: { status: string } }>(START, { key: 'modeler-typed-timers', v: {} });
    expect(started.startProcess.status).toBe('WAITING');
  });

  test('When conditions are typed tFormalExpression and the task carries camunda formData, candidateGroups and assignee, then the diagram deploys', async () => {
    expect(forms).toContain('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">');
    expect(await deploy(t, forms)).toMatchObject({ key: 'modeler-forms', created: true });
  });

  test('When a timer is written "four hours", then the diagram is refused naming the event and what to write', async () => {
    const xml = timers
      .replace(
        '<bpmn:timeDate xsi:type="bpmn:tFormalExpression">2026-12-31T18:00:00+08:00',
        '<bpmn:timeDate xsi:type="bpmn:tFormalExpression">four hours',
      )
      .replace('>PT1H<', '>four hours<')
      .replaceAll('modeler-typed-timers', 'four-hours');
    const problems = await refused(xml);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^bpmn:BoundaryEvent Event_deadline: the timer's timeDate: "four hours" is not a timer the hub reads: write "3 working days"/,
        ),
        expect.stringMatching(
          /^bpmn:TimerEventDefinition TimerEventDefinition_cool: timeDuration "four hours" is not a timer the hub reads/,
        ),
      ]),
    );
    expect(problems).toHaveLength(2);
  });

  test('When a user task is offered to a group that is no department and no role, then the diagram is refused naming the task and the group', async () => {
    const problems = await refused(variant('unknown-group', [APPROVE, APPROVE.replace('SUPERVISOR', 'SUPERVISOR, NIGHT_SHIFT')]));
    expect(problems).toEqual([
      expect.stringMatching(/^bpmn:UserTask Activity_approve: candidate group "NIGHT_SHIFT" is no department \(.*OPS.*\) and no role/),
    ]);
  });

  test('When a call activity calls a process that is neither deployed nor in the diagram, then the diagram is refused naming it; a deployed one is accepted', async () => {
    const call = (called: string): [string, string] => [
      APPROVE,
      `<bpmn:callActivity id="Activity_approve" name="Approve" calledElement="${called}">`,
    ];
    const closing: [string, string] = ['</bpmn:userTask>\n    <bpmn:endEvent', '</bpmn:callActivity>\n    <bpmn:endEvent'];
    expect(await refused(variant('calls-nobody', call('no-such-process'), closing))).toEqual([
      'bpmn:CallActivity Activity_approve: it calls process "no-such-process", which is neither deployed nor in this diagram',
    ]);
    expect(await deploy(t, variant('calls-fault-handling', call('fault-handling'), closing))).toMatchObject({ created: true });
  });

  test('When a message event waits for a message without a name, then the diagram is refused naming the event', async () => {
    const xml = variant(
      'unnamed-message',
      [APPROVE, '<bpmn:intermediateCatchEvent id="Activity_approve" name="Approval arrives">'],
      [
        '</bpmn:userTask>\n    <bpmn:endEvent',
        '<bpmn:messageEventDefinition id="Def_msg" messageRef="Message_1" />\n    </bpmn:intermediateCatchEvent>\n    <bpmn:endEvent',
      ],
      ['<bpmn:process ', '<bpmn:message id="Message_1" />\n  <bpmn:process '],
    );
    expect(await refused(xml)).toEqual([
      'bpmn:IntermediateCatchEvent Activity_approve: its message Message_1 has no name: messages are correlated by name',
    ]);
  });

  test('When a form field has a type the hub cannot check, then the diagram is refused naming the task and the field', async () => {
    expect(await refused(variant('colour-field', ['type="date"', 'type="color"']))).toEqual([
      'bpmn:UserTask Activity_assess: form field "due" has type "color", which the hub cannot check (string, long, boolean, date, enum, attachments)',
    ]);
  });

  test('When a condition has no expression, then the diagram is refused naming the flow', async () => {
    const xml = variant('empty-condition', [
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=urgent = true</bpmn:conditionExpression>',
      '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" />',
    ]);
    expect(await refused(xml)).toEqual([
      'bpmn:SequenceFlow Flow_vip: its conditionExpression is empty: write a ${...} or =FEEL expression, or remove it',
    ]);
  });

  test('When another modeler exports a GlobalTask, ItemDefinitions or a performer without expression, then the diagram is refused with a reason, never an internal error', async () => {
    const global = await refused(
      variant('global-task', ['<bpmn:process ', '<bpmn:globalTask id="GlobalTask_1" name="Shared" />\n  <bpmn:process ']),
    );
    expect(global).toEqual([expect.stringMatching(/GlobalTask/)]);
    const performer = await refused(
      variant('performer', [
        '<bpmn:incoming>Flow_large</bpmn:incoming>',
        '<bpmn:incoming>Flow_large</bpmn:incoming>\n      <bpmn:potentialOwner id="Owner_1" />',
      ]),
    );
    expect(performer).toEqual(
      expect.arrayContaining([
        'bpmn:UserTask Activity_approve: its PotentialOwner has no assignment expression; offer the task with camunda:candidateGroups',
      ]),
    );
    const items = variant('item-definitions', [
      '<bpmn:process ',
      '<bpmn:itemDefinition id="Item_1" structureRef="xs:string" />\n  <bpmn:process ',
    ]);
    const res = await t.gql(DEPLOY, { xml: items });
    expect(res.errors?.[0].extensions?.code ?? 'deployed').not.toBe('INTERNAL_SERVER_ERROR');
  });

  test('When a service task names an unregistered handler, then the refusal lists that problem once', async () => {
    const xml = variant(
      'unregistered-once',
      [APPROVE, '<bpmn:serviceTask id="Activity_approve" name="Approve" implementation="${environment.services.nobody}">'],
      ['</bpmn:userTask>\n    <bpmn:endEvent', '</bpmn:serviceTask>\n    <bpmn:endEvent'],
    );
    // The message lists the handlers the hub offers: the procedures' and this test's own.
    const [problem, ...others] = await refused(xml);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^bpmn:ServiceTask Activity_approve: no handler "nobody" is registered \((\w+, )*check(, \w+)*\)$/);
    expect(problem).toContain('chaseDepartment');
  });
});
