import { Role } from '../../org/role.enum';
import { serializeSource } from '../engine/serialize-source';
import { checkXmlText, executableProcesses, findCode } from './diagram-checks';
import { checkExpressions, type DeployRules, nestingProblem } from './expression-checks';
import { lintDiagram, lintHubRules } from './lint-diagram';
import { type ModdleElement, type ParsedDiagram, parseDiagram, walk } from './moddle';

/** What a diagram is checked against: handlers and limits, and what the database knows. */
export interface DiagramRules extends DeployRules {
  /** department codes (`department.code`); candidate groups are not checked when unknown */
  departmentCodes: readonly string[] | null;
  /** keys of deployed processes; call activities are not checked when unknown */
  processKeys: readonly string[] | null;
}

export type DiagramCheck = { problems: string[]; diagram: ParsedDiagram | null; serializedSource: string };

/**
 * Kexiang rules that mirror one of the hub's own checks: their report is left out when the
 * hub's check already named the element, so one problem is listed once.
 */
const MIRRORED = new Set(['kexiang/handler-registered', 'kexiang/no-script', 'kexiang/timer-parses']);
const RESOURCE_ROLES = new Set(['bpmn:Performer', 'bpmn:HumanPerformer', 'bpmn:PotentialOwner', 'bpmn:ResourceRole']);

/**
 * Size, entities, parse, nesting, code, handlers and expressions, what the engine loads, the
 * kexiang rules, executability, bpmnlint: every problem once, each naming its element. Nothing
 * here throws for a diagram, whatever it holds: what cannot be checked is a problem too.
 */
export async function checkDiagram(xml: string, rules: DiagramRules): Promise<DiagramCheck> {
  const refused = (problems: string[]): DiagramCheck => ({ problems: [...new Set(problems)], diagram: null, serializedSource: '' });
  const textProblems = checkXmlText(xml);
  if (textProblems.length > 0) return refused(textProblems);
  let diagram: ParsedDiagram;
  try {
    diagram = await parseDiagram(xml);
  } catch (err) {
    return refused([`the XML does not parse: ${(err as Error).message}`]);
  }
  const problems = diagram.context.warnings.map((w) => `the XML does not parse cleanly: ${w.message}`);
  const nesting = nestingProblem(diagram.root);
  if (nesting) return refused([nesting, ...problems]);
  let serializedSource = '';
  try {
    problems.push(...findCode(diagram.root));
    problems.push(...checkExpressions(diagram.root, rules));
    problems.push(...loadProblems(diagram.root));
    // Serialized before linting: bpmnlint's rules leave marks on the tree that the engine must not see.
    try {
      serializedSource = serializeSource(diagram);
    } catch (err) {
      problems.push(`the diagram cannot be prepared for the engine: ${(err as Error).message}`);
    }
    if (executableProcesses(diagram.root).length === 0) problems.push('no process in it is executable (isExecutable="true")');
    problems.push(...(await hubRuleProblems(diagram, rules, problems)));
    if (problems.length === 0) problems.push(...(await lintDiagram(diagram.root)).map((p) => `bpmnlint ${p}`));
  } catch (err) {
    problems.push(`the diagram cannot be checked: ${(err as Error).message}`);
  }
  return problems.length > 0 ? refused(problems) : { problems: [], diagram, serializedSource };
}

/** The kexiang bpmnlint rules, reported as "<type> <id>: <sentence>". */
async function hubRuleProblems(diagram: ParsedDiagram, rules: DiagramRules, found: readonly string[]): Promise<string[]> {
  const reports = await lintHubRules(diagram.root, {
    handlers: rules.serviceNames,
    departments: rules.departmentCodes ?? [],
    roles: Object.values(Role),
    processes: rules.processKeys ?? [],
  });
  const problems: string[] = [];
  for (const report of reports) {
    if (report.rule === 'kexiang/candidate-group-known' && rules.departmentCodes === null) continue;
    if (report.rule === 'kexiang/called-element-known' && rules.processKeys === null) continue;
    const element = report.id ? diagram.context.elementsById[report.id] : undefined;
    const where = element ? `${element.$type} ${report.id}` : (report.id ?? 'the diagram');
    if (
      MIRRORED.has(report.rule) &&
      namesOf(element).some((name) => found.some((p) => p.startsWith(`${name}:`) || p.startsWith(`${name} `)))
    )
      continue;
    problems.push(report.failed ? `the diagram cannot be checked (${report.rule}): ${report.message}` : `${where}: ${report.message}`);
  }
  return problems;
}

/** How the hub's own checks may have named an element: itself, or its event definitions (bpmn-js gives them ids). */
function namesOf(element: ModdleElement | undefined): string[] {
  if (!element?.id) return [];
  const definitions = (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
  return [element, ...definitions].filter((e) => e.id).map((e) => `${e.$type} ${e.id}`);
}

/** What bpmn-engine's loader would stumble on with a bare TypeError. */
function loadProblems(root: ModdleElement): string[] {
  const problems: string[] = [];
  for (const element of walk(root)) {
    if (!RESOURCE_ROLES.has(element.$type)) continue;
    const expression = element.resourceAssignmentExpression as ModdleElement | undefined;
    const owner = (element.$parent as ModdleElement | undefined) ?? element;
    const where = owner.id ? `${owner.$type} ${owner.id}` : owner.$type;
    if (!expression?.expression)
      problems.push(
        `${where}: its ${element.$type.replace('bpmn:', '')} has no assignment expression; offer the task with camunda:candidateGroups`,
      );
  }
  return problems;
}
