import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  printSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { subscriptionOverHttp, unresolvedOperation } from './operation-guard';
import { withInputDefaults } from './variable-defaults';

/**
 * Runs operations with graphql-jit: each distinct operation is compiled once into a function that
 * resolves its fields without graphql-js's per-field interpretation (argument coercion, type
 * checks, a promise per object). A page of 100 tickets resolves ~7,000 fields; graphql-js spent a
 * fifth of the request on that alone.
 *
 * It plugs into Apollo Server through its executor hook (the gateway interface): parsing,
 * validation, the operation limits, plugins and error formatting stay Apollo's. Apollo keeps
 * parsed documents in its document store, so a repeated query brings back the same DocumentNode
 * and the compiled function is found by identity. Subscriptions (graphql-ws) use graphql-js.
 */
export function compiledExecutor(schema: GraphQLSchema, run: CompiledRun = compiledRun(schema)): GatewayInterface {
  let announce: GatewaySchemaLoadOrUpdateCallback | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = null;
      };
    },
    async load() {
      announce?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return {
        executor: async (request) => {
          // Apollo hands a gateway documents whose operation it could not pick (several, none named).
          if (!request.operation) return { errors: [unresolvedOperation(request.operationName, 400)] };
          // A subscription has no events to run on over HTTP (its resolvers need one): refused, never run.
          if (request.operation.operation === 'subscription') return { errors: [subscriptionOverHttp()] };
          return run(
            request.document,
            request.operationName,
            request.operation.variableDefinitions,
            request.request.variables,
            request.context,
          );
        },
      };
    },
    async stop() {},
  };
}

/** Runs one operation of a validated document with graphql-jit; the WebSocket transport uses it too. */
export type CompiledRun = (
  document: DocumentNode,
  operationName: string | null | undefined,
  variableDefinitions: readonly VariableDefinitionNode[] | undefined,
  variables: Record<string, unknown> | null | undefined,
  context: unknown,
) => Promise<ExecutionResult>;

export function compiledRun(schema: GraphQLSchema): CompiledRun {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | null) => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined);
      byName.set(key, query);
    }
    return query;
  };
  return async (document, operationName, variableDefinitions, rawVariables, context) => {
    const definitions = variableDefinitions ?? [];
    const variables = rawVariables ?? {};
    // graphql-js checks the variables, so bad ones get its messages (answered BAD_USER_INPUT).
    const checked = getVariableValues(schema, definitions, variables, { maxErrors: 50 });
    if (checked.errors) return { errors: checked.errors.map(asBadInput) };
    const query = compile(document, operationName ?? null);
    // An operation that cannot be compiled comes back as its errors.
    const result = isCompiledQuery(query)
      ? await query.query(undefined, context, withInputDefaults(schema, definitions, variables))
      : query;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
}

const asBadInput = (error: GraphQLError): GraphQLError =>
  error.extensions.code ? error : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT' } });

/**
 * graphql-jit's errors lack graphql-js's `extensions: {}` default (Apollo reads `.extensions.code`)
 * and its `nodes`: they are rebuilt as graphql-js errors carrying the same message, place and cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  return Object.assign(rebuilt, { locations: error.locations });
}
