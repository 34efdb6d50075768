import { evaluate, FeelFunction, FeelRange, parseExpression } from 'feelin';
import { ExpressionError, MAX_EXPRESSION_LENGTH } from './expression-grammar';

/**
 * FEEL (`=amount > 1000`, as Camunda 8 diagrams write expressions), through feelin, which has no
 * way to reach host code. Loops, quantifiers, ranges and function definitions are refused: they
 * are how a short expression runs for minutes (`for i in 1..1e9 return i`), synchronously.
 */
const REFUSED_NODES: Record<string, string> = {
  ForExpression: 'for loops',
  QuantifiedExpression: 'some/every',
  FunctionDefinition: 'function definitions',
  Interval: 'ranges',
};

/** Problems of a FEEL expression (without its `=`), or an empty list. */
export function checkFeel(source: string, context: Record<string, unknown> = {}): string[] {
  if (source.length > MAX_EXPRESSION_LENGTH) return [`it is longer than ${MAX_EXPRESSION_LENGTH} characters`];
  const problems = new Set<string>();
  parseExpression(source, context, undefined).iterate({
    enter: (node) => {
      if (node.type.isError) problems.add('it does not parse as FEEL');
      const refused = REFUSED_NODES[node.type.name];
      if (refused) problems.add(`${refused} are not allowed`);
    },
  });
  return [...problems];
}

/** Evaluates FEEL over a copy of the variables as plain JSON (feelin calls functions it finds in its context). */
export function evaluateFeel(source: string, variables: unknown): unknown {
  const context = JSON.parse(JSON.stringify(variables ?? {})) as Record<string, unknown>;
  const problems = checkFeel(source, context);
  if (problems.length > 0) throw new ExpressionError(problems.join('; '));
  let value: unknown;
  try {
    ({ value } = evaluate(source, context));
  } catch (err) {
    throw new ExpressionError(err instanceof Error ? err.message : String(err));
  }
  if (typeof value === 'function' || value instanceof FeelFunction || value instanceof FeelRange) {
    throw new ExpressionError('it answers a function or a range, not a value');
  }
  // Dates and durations become their ISO text, which is what timers read.
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
