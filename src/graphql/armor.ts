import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationContext, type ValidationRule } from 'graphql';
import { costRule } from './cost-rule';

/**
 * Limits on what one operation may ask for, the same over HTTP and WebSocket. The busiest real
 * screen (100 tickets with customer and account manager, assignee, circuits and the last 5 events
 * with their actors) costs about 16,400 (see cost-rule.ts); these leave room for consoles while
 * refusing documents built to exhaust the hub.
 */
export const operationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5000,
  maxCost: 25000,
} as const;

/** The code every refused-by-limit document carries, whichever limit it broke. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

// graphql-armor throws "Syntax Error: ..." without a code; its rejection hook lets us report the
// same finding as a coded error that names the limit instead.
const coded = (limit: string) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: QUERY_TOO_COMPLEX, limit } }),
      );
    },
  ],
});

/**
 * The validation rules an operation passes beside graphql-js's own, for every transport: the
 * limits, and (when introspection is off) no `__schema`/`__type`.
 */
export function limitRules(options: { introspection: boolean }): ValidationRule[] {
  return [
    maxDepthRule({ n: operationLimits.maxDepth, ...coded('maxDepth') }),
    maxAliasesRule({ n: operationLimits.maxAliases, ...coded('maxAliases') }),
    maxDirectivesRule({ n: operationLimits.maxDirectives, ...coded('maxDirectives') }),
    costRule(operationLimits.maxCost),
    ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}
