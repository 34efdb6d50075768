import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'bpmnlint';
import { Role } from '../../src/modules/org/role.enum';
import { KEXIANG_RULES, PLUGIN_PACKAGE } from '../../src/modules/processes/bpmn/lint-rules';
import { parseDiagram } from '../../src/modules/processes/bpmn/moddle';

const FIXTURES = path.join(__dirname, '..', '..', 'src', 'modules', 'processes', 'bpmn', 'lint-rules', 'fixtures');

/** The hub's knowledge, as the deploy pipeline (or a browser modeler) passes it to the rules. */
const CONFIG: Record<string, Record<string, unknown>> = {
  'handler-registered': { handlers: ['check'] },
  'candidate-group-known': { departments: ['OPS', 'KX'], roles: Object.values(Role) },
  'called-element-known': { processes: ['fault-handling'] },
};

/** The elements each rule's invalid fixture must be reported on, once per problem. */
const INVALID: Record<string, string[]> = {
  'timer-parses': ['Wait_1', 'Wait_2', 'Wait_3', 'Wait_4', 'Wait_5', 'Wait_6'],
  'handler-registered': ['Task_1', 'Task_2'],
  'candidate-group-known': ['Task_1'],
  'message-named': ['Wait_1'],
  'form-field-type': ['Task_1'],
  'no-script': ['Task_1', 'Task_2', 'Task_3'],
  'called-element-known': ['Call_1', 'Call_2'],
  'condition-has-body': ['Flow_1'],
};

async function lintWith(rule: string, file: string) {
  const { root } = await parseDiagram(readFileSync(path.join(FIXTURES, file), 'utf8'));
  const linter = new Linter({
    config: { rules: { [`kexiang/${rule}`]: ['error', CONFIG[rule] ?? {}] } },
    resolver: {
      resolveRule: (pkg: string, name: string) => (pkg === PLUGIN_PACKAGE ? KEXIANG_RULES[name] : undefined),
      resolveConfig: () => {
        throw new Error('no configs in this test');
      },
    },
  });
  return (await linter.lint(root))[`kexiang/${rule}`] ?? [];
}

/** Issue #10: the hub's rules are a bpmnlint plugin, one rule per file, each with a valid and an invalid fixture. */
describe('The kexiang bpmnlint rules', () => {
  test('When the plugin is listed, then every rule has a fixture pair and an expectation', () => {
    expect(Object.keys(KEXIANG_RULES).sort()).toEqual(Object.keys(INVALID).sort());
  });

  test.each(Object.keys(KEXIANG_RULES))('When rule kexiang/%s lints its valid fixture, then it reports nothing', async (rule) => {
    expect(await lintWith(rule, `${rule}.valid.bpmn`)).toEqual([]);
  });

  test.each(
    Object.keys(KEXIANG_RULES),
  )('When rule kexiang/%s lints its invalid fixture, then it reports each bad element with a sentence', async (rule) => {
    const reports = await lintWith(rule, `${rule}.invalid.bpmn`);
    expect(reports.every((r) => r.category === 'error' && r.message.length > 10)).toBe(true);
    expect(reports.map((r) => r.id).sort()).toEqual([...INVALID[rule]].sort());
  });

  test('When the rule files are read, then none imports a Node module (a browser modeler can bundle them)', () => {
    const dir = path.join(FIXTURES, '..');
    for (const rule of [...Object.keys(KEXIANG_RULES), 'rule-types', 'index']) {
      const source = readFileSync(path.join(dir, `${rule}.ts`), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((i) => !i.startsWith('./') && i !== '@0dep/piso' && i !== '../../engine/hub-timer')).toEqual([]);
    }
    // The hub's timer syntax is shared with the engine; it imports types only.
    const syntax = readFileSync(path.join(dir, '../../engine/hub-timer.ts'), 'utf8');
    expect([...syntax.matchAll(/^import (?!type )/gm)]).toEqual([]);
  });
});
