import { ExpressionError, type ExpressionNode, parseExpression, splitTemplate, type TemplatePart } from './expression-grammar';
import { checkFeel, evaluateFeel } from './feel';

/**
 * Replaces bpmn-elements' expression resolver, which walks any property (`constructor` included)
 * and calls any function it reaches. This one reads plain own data only and calls nothing; a
 * service is only ever handed back as a reference, for the engine to call as the task's handler.
 */

/** What bpmn-elements passes: `{environment, ...message}`. */
interface ResolveContext {
  environment?: { variables?: unknown; services?: Record<string, unknown> };
  content?: unknown;
  properties?: unknown;
}

const parsed = new Map<string, { parts: TemplatePart[]; nodes: Map<string, ExpressionNode> }>();

/** Parses once per distinct text; a hub runs few distinct diagrams. */
function parseTemplate(text: string): { parts: TemplatePart[]; nodes: Map<string, ExpressionNode> } {
  let found = parsed.get(text);
  if (!found) {
    const parts = splitTemplate(text);
    const nodes = new Map<string, ExpressionNode>();
    for (const part of parts) if ('source' in part) nodes.set(part.source, parseExpression(part.source));
    found = { parts, nodes };
    if (parsed.size > 5000) parsed.clear();
    parsed.set(text, found);
  }
  return found;
}

// Leading blanks do not count: a hand-written body may sit on its own line.
const isFeel = (text: string) => text.trimStart().startsWith('=');
const namesService = (node: ExpressionNode): boolean =>
  node.kind === 'path'
    ? node.root === 'services'
    : node.kind === 'not'
      ? namesService(node.operand)
      : node.kind === 'binary' && (namesService(node.left) || namesService(node.right));

/** Own data only, and never through a function or an accessor. */
function ownValue(holder: unknown, key: string | number): unknown {
  if (holder === null || typeof holder !== 'object') return undefined;
  const descriptor = Object.getOwnPropertyDescriptor(holder, key);
  if (!descriptor) return undefined;
  if (!('value' in descriptor)) throw new ExpressionError(`"${key}" is not plain data`);
  if (typeof descriptor.value === 'function') throw new ExpressionError(`"${key}" is a function`);
  return descriptor.value;
}

function evaluateNode(node: ExpressionNode, context: ResolveContext): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'not':
      return !evaluateNode(node.operand, context);
    case 'path': {
      if (node.root === 'services') {
        // A reference, handed to the engine as a service task's handler; nothing is called here.
        const services = context.environment?.services;
        return services ? services[String(node.keys[0])] : undefined;
      }
      let value: unknown = node.root === 'variables' ? context.environment?.variables : ownValue(context, node.root);
      for (const key of node.keys) value = ownValue(value, key);
      return value;
    }
    case 'binary': {
      const left = evaluateNode(node.left, context);
      if (node.op === '&&') return left && evaluateNode(node.right, context);
      if (node.op === '||') return left || evaluateNode(node.right, context);
      return compare(node.op, left, evaluateNode(node.right, context));
    }
  }
}

/** Strict equality; ordering only between two numbers or two strings (no coercion, no valueOf). */
function compare(op: string, left: unknown, right: unknown): boolean {
  if (op === '==' || op === '===') return left === right;
  if (op === '!=' || op === '!==') return left !== right;
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const [a, b] = [left as number | string, right as number | string];
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

const asText = (value: unknown) =>
  value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Resolves one string the engine asks about: FEEL, `${...}` (whole or inside text), or plain text. */
export function resolveExpression(text: unknown, context: ResolveContext): unknown {
  if (typeof text !== 'string') return text;
  try {
    // `${x}` with blanks around it (a body on its own line) is still one expression, not a text.
    const trimmed = text.trim();
    if (isFeel(trimmed)) return evaluateFeel(trimmed.slice(1), context.environment?.variables);
    if (!text.includes('${')) return text;
    const whole = parseTemplate(trimmed);
    if (whole.parts.length === 1 && 'source' in whole.parts[0])
      return evaluateNode(whole.nodes.get(whole.parts[0].source) as ExpressionNode, context);
    const { parts, nodes } = parseTemplate(text);
    const nodeOf = (source: string) => nodes.get(source) as ExpressionNode;
    if ([...nodes.values()].some(namesService))
      throw new ExpressionError('a service can only be named alone, as a service task implementation');
    return parts.map((part) => ('source' in part ? asText(evaluateNode(nodeOf(part.source), context)) : part.text)).join('');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExpressionError(`the expression "${text.slice(0, 80)}" cannot be evaluated: ${reason}`);
  }
}

/** FEEL, or one `${...}` and nothing around it. */
export function isExpression(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  if (isFeel(text.trim())) return true;
  try {
    const parts = splitTemplate(text.trim());
    return parts.length === 1 && 'source' in parts[0];
  } catch {
    return false;
  }
}
export const hasExpression = (text: unknown): boolean => typeof text === 'string' && (isFeel(text) || text.includes('${'));

/** The `expressions` option of bpmn-engine; `beforeEach` lets a step count evaluations against its budget. */
export function restrictedExpressions(beforeEach: () => void = () => undefined) {
  return {
    resolveExpression(text: unknown, context: ResolveContext) {
      beforeEach();
      return resolveExpression(text, context);
    },
    isExpression,
    hasExpression,
  };
}

/** Deploy-time look at one text: why it would not evaluate (or null), and whether it names a service. */
export function inspectExpression(text: string): { problem: string | null; namesService: boolean } {
  try {
    if (isFeel(text)) {
      const problems = checkFeel(text.trim().slice(1));
      return { problem: problems.length > 0 ? problems.join('; ') : null, namesService: false };
    }
    return { problem: null, namesService: [...parseTemplate(text).nodes.values()].some(namesService) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err), namesService: false };
  }
}

export { ExpressionError };
