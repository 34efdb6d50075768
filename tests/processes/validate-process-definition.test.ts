import { startTestHub, type TestHub } from '../support/hub';
import { fixture } from '../support/processes';

const VALIDATE = 'query($xml: String!) { validateProcessDefinition(xml: $xml) { message elementId } }';

/** Issue #10: a process owner sees what deploy would refuse, without deploying. */
describe('Validating a diagram without deploying it', () => {
  let t: TestHub;
  const forms = fixture('modeler/forms-and-conditions.bpmn');
  const APPROVE = '<bpmn:userTask id="Activity_approve" name="Approve" camunda:candidateGroups="SUPERVISOR">';
  const variant = (key: string, ...replacements: [string, string][]) => {
    let xml = forms;
    for (const [from, to] of replacements) xml = xml.replace(from, to);
    return xml.replaceAll('modeler-forms', key);
  };

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  test('When a diagram has several problems, then validateProcessDefinition lists each once with its element and deploys nothing; a good diagram has none', async () => {
    const xml = variant('validated', ['type="date"', 'type="color"'], [APPROVE, APPROVE.replace('SUPERVISOR', 'NIGHT_SHIFT')]);
    const { validateProcessDefinition: problems } = await t.ok<{
      validateProcessDefinition: { message: string; elementId: string | null }[];
    }>(VALIDATE, { xml });
    expect(problems.map((p) => p.elementId).sort()).toEqual(['Activity_approve', 'Activity_assess']);
    expect(new Set(problems.map((p) => p.message)).size).toBe(problems.length);
    const { processDefinitions } = await t.ok<{ processDefinitions: { key: string }[] }>('{ processDefinitions { key } }');
    expect(processDefinitions.map((d) => d.key)).not.toContain('validated');
    expect((await t.ok<{ validateProcessDefinition: unknown[] }>(VALIDATE, { xml: forms })).validateProcessDefinition).toEqual([]);
  });

  test('When a contractor or a customer asks to validate a diagram, then it is refused', async () => {
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { code: 'contractor.v', name: 'contractor.v', departmentId: departments[0].id, roles: ['CONTRACTOR'] },
    });
    for (const as of ['contractor.v', { customerId: '00000000-0000-4000-8000-000000000000' }]) {
      const res = await t.gql(VALIDATE, { xml: forms }, as);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });
});
