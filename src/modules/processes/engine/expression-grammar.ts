/**
 * The `${...}` expressions a diagram may write, parsed by hand (no eval, no Function): literals,
 * property paths from a few roots, `!`, comparisons, `&&` and `||`, and parentheses. There are no
 * calls, no assignments and no names that lead to code (`constructor`, `prototype`, `__proto__`).
 */

export type Root = 'variables' | 'services' | 'content' | 'properties';

export type ExpressionNode =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'path'; root: Root; keys: (string | number)[] }
  | { kind: 'not'; operand: ExpressionNode }
  | { kind: 'binary'; op: BinaryOp; left: ExpressionNode; right: ExpressionNode };

export type BinaryOp = '&&' | '||' | '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=';

export class ExpressionError extends Error {}

/** Long or deeply nested expressions would only serve to exhaust the parser's stack. */
export const MAX_EXPRESSION_LENGTH = 1000;
const MAX_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['constructor', 'prototype', '__proto__']);
const COMPARISONS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=']);

type Token =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'id'; value: string }
  | { type: 'op'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    const name = /^[A-Za-z_$][\w$]*/.exec(rest);
    const op = /^(===|!==|==|!=|<=|>=|&&|\|\||[<>!.[\]()])/.exec(rest);
    if (number && (tokens.length === 0 || tokens[tokens.length - 1].type === 'op')) {
      tokens.push({ type: 'num', value: Number(number[0]) });
      i += number[0].length;
    } else if (name) {
      tokens.push({ type: 'id', value: name[0] });
      i += name[0].length;
    } else if (rest[0] === "'" || rest[0] === '"') {
      const end = rest.indexOf(rest[0], 1);
      if (end < 0) throw new ExpressionError('a string is not closed');
      // No escapes: a quote cannot appear inside a string of the same quote.
      tokens.push({ type: 'str', value: rest.slice(1, end) });
      i += end + 1;
    } else {
      // Anything else is left for the parser to call out of place, in reading order.
      const value = op ? op[0] : rest[0];
      tokens.push({ type: 'op', value });
      i += value.length;
    }
  }
  return tokens;
}

/** Parses the inside of one `${...}`; throws ExpressionError saying what is not allowed. */
export function parseExpression(source: string): ExpressionNode {
  if (source.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`it is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (value: string) => peek()?.type === 'op' && peek()?.value === value;
  const expectOp = (value: string) => {
    if (!isOp(value)) throw new ExpressionError(`expected "${value}"`);
    at++;
  };

  const binary = (next: (depth: number) => ExpressionNode, ops: Set<string>, depth: number, once = false): ExpressionNode => {
    let left = next(depth);
    while (peek()?.type === 'op' && ops.has(String(peek()?.value))) {
      const op = String(tokens[at++].value) as BinaryOp;
      left = { kind: 'binary', op, left, right: next(depth) };
      if (once) break;
    }
    return left;
  };
  const or = (depth: number): ExpressionNode => binary(and, new Set(['||']), depth);
  const and = (depth: number): ExpressionNode => binary(comparison, new Set(['&&']), depth);
  const comparison = (depth: number): ExpressionNode => binary(unary, COMPARISONS, depth, true);
  const unary = (depth: number): ExpressionNode => {
    if (depth > MAX_DEPTH) throw new ExpressionError(`it nests deeper than ${MAX_DEPTH} levels`);
    if (isOp('!')) {
      at++;
      return { kind: 'not', operand: unary(depth + 1) };
    }
    if (isOp('(')) {
      at++;
      const inner = or(depth + 1);
      expectOp(')');
      return inner;
    }
    return primary();
  };
  const primary = (): ExpressionNode => {
    const token = tokens[at++];
    if (!token) throw new ExpressionError('it ends too early');
    if (token.type === 'num' || token.type === 'str') return { kind: 'literal', value: token.value };
    if (token.type !== 'id') throw new ExpressionError(`"${token.value}" is out of place`);
    if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return { kind: 'literal', value: null };
    return path(token.value);
  };
  const path = (first: string): ExpressionNode => {
    const keys: (string | number)[] = [];
    while (isOp('.') || isOp('[')) {
      const bracket = isOp('[');
      at++;
      const key = tokens[at++];
      if (!key || (bracket ? key.type !== 'str' && key.type !== 'num' : key.type !== 'id'))
        throw new ExpressionError('a property name is missing');
      if (typeof key.value === 'string' && (FORBIDDEN_KEYS.has(key.value) || key.value.startsWith('__')))
        throw new ExpressionError(`"${key.value}" is not allowed`);
      keys.push(key.value);
      if (bracket) expectOp(']');
    }
    if (isOp('(')) throw new ExpressionError('calls are not allowed');
    return { kind: 'path', ...rootOf(first, keys) };
  };

  const node = or(0);
  if (at < tokens.length) throw new ExpressionError(isOp('(') ? 'calls are not allowed' : `"${tokens[at].value}" is out of place`);
  return node;
}

/** `environment.variables.x`, `environment.services.name`, `content.x`, `properties.x`. */
function rootOf(first: string, keys: (string | number)[]): { root: Root; keys: (string | number)[] } {
  if (first === 'content' || first === 'properties') return { root: first, keys };
  if (first === 'environment' && (keys[0] === 'variables' || keys[0] === 'services')) {
    if (keys[0] === 'services' && (keys.length !== 2 || typeof keys[1] !== 'string'))
      throw new ExpressionError('a service is named as environment.services.<name>, nothing more');
    return { root: keys[0], keys: keys.slice(1) };
  }
  throw new ExpressionError(`"${[first, ...keys].join('.')}" is not environment.variables, environment.services, content or properties`);
}

export type TemplatePart = { text: string } | { source: string };

/** Splits a string into text and `${...}` parts; a `}` inside quotes does not end an expression. */
export function splitTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let from = 0;
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', from)) {
    if (start > from) parts.push({ text: text.slice(from, start) });
    let quote: string | null = null;
    let end = start + 2;
    for (; end < text.length; end++) {
      const c = text[end];
      if (quote) quote = c === quote ? null : quote;
      else if (c === "'" || c === '"') quote = c;
      else if (c === '}') break;
    }
    if (end >= text.length) throw new ExpressionError('a ${ is not closed');
    parts.push({ source: text.slice(start + 2, end) });
    from = end + 1;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}
