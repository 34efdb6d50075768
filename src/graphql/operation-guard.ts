import { GraphQLError, type GraphQLFormattedError, specifiedRules, type ValidationRule } from 'graphql';
import { limitRules, operationLimits } from './armor';

/**
 * What every operation passes before it runs, whichever transport brought it: the parser's token
 * limit, graphql-js's validation plus the hub's limits, and exactly one operation picked by
 * `operationName`. Apollo (HTTP) and graphql-ws (WebSocket) are both configured from this one
 * object, and authorization then happens in the resolvers (`@Authorized` on every root field).
 */
export interface OperationGuard {
  readonly maxTokens: number;
  /** graphql-js's rules and the hub's, for a transport that validates by itself (graphql-ws) */
  readonly rules: readonly ValidationRule[];
  /** the hub's rules alone, for Apollo, which adds graphql-js's own */
  readonly extraRules: ValidationRule[];
  codeValidationError(error: GraphQLError): GraphQLError;
  codeParseError(error: unknown): GraphQLError;
  unresolvedOperation(operationName: string | null | undefined): GraphQLError;
}

// graphql-js says "Syntax Error: Document contains more that 5000 tokens. Parsing aborted." (sic)
const TOKEN_LIMIT = /more tha[nt] \d+ tokens/i;
const tokenLimitMessage = `The document has more than ${operationLimits.maxTokens} tokens, the limit: send a smaller one`;
const tokenLimitExtensions = { code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens', maxTokens: operationLimits.maxTokens };

export function operationGuard(options: { introspection: boolean }): OperationGuard {
  const extraRules = limitRules(options);
  return {
    maxTokens: operationLimits.maxTokens,
    rules: [...specifiedRules, ...extraRules],
    extraRules,
    codeValidationError: (error) =>
      error.extensions.code
        ? error
        : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    codeParseError: (error) => {
      if (!(error instanceof GraphQLError)) return new GraphQLError((error as Error).message, { originalError: error as Error });
      if (error.extensions.code) return error;
      // The token limit is the parser's: name it like the other limits.
      if (TOKEN_LIMIT.test(error.message)) return new GraphQLError(tokenLimitMessage, { extensions: tokenLimitExtensions });
      return new GraphQLError(error.message, {
        source: error.source,
        positions: error.positions,
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      });
    },
    unresolvedOperation: (operationName) => unresolvedOperation(operationName),
  };
}

/** A subscription posted over HTTP: it is served over WebSocket only. */
export const subscriptionOverHttp = (): GraphQLError =>
  new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) on /graphql; over HTTP, send queries and mutations', {
    extensions: { code: 'BAD_REQUEST', http: { status: 405 } },
  });

/** No single operation to run: several and none named, or none of that name. */
export const unresolvedOperation = (operationName: string | null | undefined, status?: number): GraphQLError =>
  new GraphQLError(
    operationName
      ? `The document has no operation named "${operationName}"`
      : 'The document holds several operations: name the one to run in operationName',
    { extensions: { code: 'BAD_USER_INPUT', field: 'operationName', ...(status ? { http: { status } } : {}) } },
  );

/**
 * Apollo re-codes every validation error GRAPHQL_VALIDATION_FAILED and every parse error
 * GRAPHQL_PARSE_FAILED; the limits' own code (QUERY_TOO_COMPLEX) is put back so clients see which
 * limit they hit, the same as over WebSocket. A document whose operation cannot be picked is the
 * caller's to fix: BAD_USER_INPUT naming operationName, as over WebSocket.
 */
export function restoreRuleCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'OPERATION_RESOLUTION_FAILURE') {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', field: 'operationName' } };
  }
  if (code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  const original = error instanceof GraphQLError ? error.originalError : null;
  if (original instanceof GraphQLError && original.extensions.code) {
    return { ...formatted, extensions: { ...formatted.extensions, ...original.extensions } };
  }
  if (TOKEN_LIMIT.test(formatted.message)) {
    return { message: tokenLimitMessage, extensions: { ...formatted.extensions, ...tokenLimitExtensions } };
  }
  return formatted;
}
