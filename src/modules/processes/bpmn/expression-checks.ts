import { inspectExpression, isExpression } from '../engine/expressions';
import type { EngineLimits } from '../engine/step-guard';
import { timerProblem } from '../engine/timer-limits';
import { type ModdleElement, type TreeEntry, walkTree } from './moddle';

/** What a deployment is checked against: the hub's handlers and limits. */
export interface DeployRules {
  serviceNames: readonly string[];
  limits: EngineLimits;
}

/** Deeper diagrams only serve to exhaust the serializer's and the linter's stacks. */
export const MAX_NESTING = 50;

const SERVICE_TASKS = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);
const HANDLER_REFERENCE = /^\$\{environment\.services\.([A-Za-z_$][\w$]*)\}$/;
// Expressions the engine reads as true or false: a plain text there would just be "truthy".
const CONDITION_KEYS = new Set(['conditionExpression', 'condition', 'completionCondition', 'loopCondition']);
// Where the engine resolves a text that may be FEEL (a leading `=`), besides expression bodies.
const RESOLVED_KEYS = new Set(['implementation', 'calledElement', 'errorCode', 'collection']);
const NAMED_BY_EXPRESSION = new Set(['bpmn:Message', 'bpmn:Signal', 'bpmn:Error', 'bpmn:Escalation']);
// Free text nobody evaluates.
const TEXT_ONLY = new Set(['bpmn:Documentation', 'bpmn:TextAnnotation']);

const describeElement = (e: ModdleElement | null) => (e ? (e.id ? `${e.$type} ${e.id}` : e.$type) : 'the diagram');

/** Deepest nesting of elements, without recursion (a 20,000-deep diagram must not overflow here too). */
export function nestingProblem(root: ModdleElement): string | null {
  let deepest = 0;
  for (const { depth } of walkTree(root)) deepest = Math.max(deepest, depth);
  return deepest > MAX_NESTING ? `the diagram nests elements ${deepest} levels deep; at most ${MAX_NESTING} are allowed` : null;
}

/** Service tasks name registered handlers; every expression parses; timers and loops stay within bounds. */
export function checkExpressions(root: ModdleElement, rules: DeployRules): string[] {
  const problems: string[] = [];
  const owners = new Map<ModdleElement, ModdleElement | null>();
  for (const entry of walkTree(root)) {
    const { element, parent } = entry;
    // Expression elements have no id: problems name the element holding them.
    const owner = element.id ? element : (owners.get(parent as ModdleElement) ?? parent);
    owners.set(element, owner);
    const where = describeElement(owner);
    if (SERVICE_TASKS.has(element.$type)) problems.push(...checkServiceTask(element, rules));
    if (TEXT_ONLY.has(element.$type)) continue;
    for (const [key, text] of strings(element)) {
      const isBody = key === 'body';
      const feelPlace = isBody || RESOLVED_KEYS.has(key) || (key === 'name' && NAMED_BY_EXPRESSION.has(element.$type));
      if (!text.includes('${') && !(feelPlace && text.trimStart().startsWith('='))) continue;
      const { problem, namesService } = inspectExpression(text);
      if (problem) problems.push(`${where}: the expression "${text.slice(0, 80)}" is refused: ${problem}`);
      else if (namesService && !(key === 'implementation' && SERVICE_TASKS.has(element.$type)))
        problems.push(`${where}: "${text.slice(0, 80)}" names a service outside a service task's implementation`);
    }
    problems.push(...checkPlace(entry, where, rules));
  }
  return problems;
}

/** The element's own texts, attributes of other vocabularies included. */
function* strings(element: ModdleElement): Generator<[string, string]> {
  for (const [key, value] of Object.entries(element)) if (!key.startsWith('$') && typeof value === 'string') yield [key, value];
  for (const [key, value] of Object.entries(element.$attrs ?? {})) if (typeof value === 'string') yield [key, value];
}

function checkServiceTask(task: ModdleElement, rules: DeployRules): string[] {
  const where = describeElement(task);
  const problems: string[] = [];
  const implementation = typeof task.implementation === 'string' ? task.implementation : '';
  const name = HANDLER_REFERENCE.exec(implementation)?.[1];
  const known = rules.serviceNames.length > 0 ? rules.serviceNames.join(', ') : 'none are registered';
  if (!implementation) problems.push(`${where} has no implementation: it must be \${environment.services.<handler>} (${known})`);
  else if (!name) problems.push(`${where}: implementation "${implementation.slice(0, 80)}" is not \${environment.services.<handler>}`);
  else if (!rules.serviceNames.includes(name)) problems.push(`${where}: no handler "${name}" is registered (${known})`);
  for (const attribute of ['expression', 'type', 'topic']) {
    if (task[attribute] !== undefined)
      problems.push(`${where}: camunda:${attribute} is not supported; service tasks call registered handlers`);
  }
  return problems;
}

/** Conditions must be expressions; literal timers and loop counts must be within the hub's limits. */
function checkPlace({ element, parent, key }: TreeEntry, where: string, rules: DeployRules): string[] {
  const body = typeof element.body === 'string' ? element.body.trim() : null;
  const literal = body !== null && !body.includes('${') && !body.startsWith('=');
  if (key && CONDITION_KEYS.has(key) && body && !isExpression(body))
    return [`${where}: the condition "${body.slice(0, 60)}" is not one \${...} or =FEEL expression`];
  if (parent?.$type === 'bpmn:TimerEventDefinition' && key && body && literal) {
    const problem = timerProblem(key, body, rules.limits);
    return problem ? [`${where}: ${key} ${problem}`] : [];
  }
  const max = rules.limits.stepMaxActivities;
  if (key === 'loopCardinality' && body && literal && !(Number(body) <= max))
    return [`${where}: loop cardinality "${body.slice(0, 20)}" is not a number up to ${max} (the activities one step may run)`];
  if (element.$type === 'bpmn:StandardLoopCharacteristics' && typeof element.loopMaximum === 'number' && element.loopMaximum > max)
    return [`${where}: loopMaximum ${element.loopMaximum} is more than the ${max} activities one step may run`];
  return [];
}
