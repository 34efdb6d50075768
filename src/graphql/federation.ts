import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType, lexicographicSortSchema, parse } from 'graphql';
import { createResolversMap } from 'type-graphql';
import { badInput } from '../shared/domain-error';
import type { AppContext } from './context';

/** Federation 2: the directives the hub's SDL uses, linked from the spec. */
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** At most this many representations in one `_entities` call (a gateway batches a page at a time). */
export const MAX_REPRESENTATIONS = 500;

/** A reference a gateway sends: `__typename` and one of the type's keys. */
export type EntityReference = { __typename: string } & Record<string, unknown>;

/**
 * How a supergraph's reference to one of the hub's entities becomes the entity: batched through
 * the request's loaders, and narrowed to what the token may read (null otherwise, as if unknown).
 */
export type ReferenceResolver = (reference: EntityReference, ctx: AppContext) => Promise<unknown>;

export interface FederationParts {
  /** by type name: the types carrying `@key` directives */
  entities: Readonly<Record<string, ReferenceResolver>>;
  /** checks who may call `_service` and `_entities`, as `@Authorized` would (throws to refuse) */
  authorize: (field: '_service' | '_entities', ctx: AppContext) => Promise<void>;
}

/** The hub's subgraph SDL: what `_service { sdl }` answers and `schema/subgraph.graphql` holds. */
export function subgraphSdl(schema: GraphQLSchema): string {
  return `${LINK}\n\n${printSchemaWithDirectives(lexicographicSortSchema(schema))}`;
}

/**
 * Makes the hub's schema an Apollo Federation 2 subgraph (`@apollo/subgraph`): the same types
 * and resolvers (their `@Authorized` checks included, since they live in the resolve functions),
 * plus `_service` and `_entities`, which are guarded here the same way.
 */
export function federate(schema: GraphQLSchema, parts: FederationParts): GraphQLSchema {
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [type, resolve] of Object.entries(parts.entities)) {
    const existing = (resolvers[type] ?? {}) as Record<string, unknown>;
    resolvers[type] = {
      ...existing,
      __resolveReference: (reference: EntityReference, ctx: unknown) => resolve(reference, ctx as AppContext),
    };
  }
  const subgraph = buildSubgraphSchema({ typeDefs: parse(subgraphSdl(schema)), resolvers });
  carryFieldExtensions(schema, subgraph);
  const fields = subgraph.getQueryType()?.getFields() ?? {};
  for (const name of ['_service', '_entities'] as const) {
    const field = fields[name];
    if (!field?.resolve) throw new Error(`the subgraph schema has no ${name}`);
    const original: GraphQLFieldResolver<unknown, AppContext> = field.resolve;
    field.resolve = async (source, args: Record<string, unknown>, ctx, info) => {
      await parts.authorize(name, ctx);
      if (name === '_entities') checkRepresentations(args.representations, Object.keys(parts.entities));
      return original(source, args, ctx, info);
    };
  }
  return subgraph;
}

/** Each representation names one of the hub's entity types and a key; anything else is the caller's mistake. */
function checkRepresentations(representations: unknown, types: readonly string[]): void {
  if (!Array.isArray(representations)) throw badInput('representations', 'representations is a list of entity references');
  if (representations.length > MAX_REPRESENTATIONS)
    throw badInput('representations', `At most ${MAX_REPRESENTATIONS} representations per call`);
  representations.forEach((reference: unknown, i) => {
    const typename = reference && typeof reference === 'object' ? (reference as { __typename?: unknown }).__typename : undefined;
    if (typeof typename !== 'string' || !types.includes(typename)) {
      throw badInput(`representations.${i}`, `A representation is an object whose __typename is one of ${types.join(', ')}`);
    }
  });
}

/**
 * The subgraph is built again from SDL, which carries no field extensions: the list caps and
 * held-in-row marks the cost rule reads (list-cap.ts) are copied over from the built schema.
 */
function carryFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    if (!isObjectType(type) || !isObjectType(target)) continue;
    const targetFields = target.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      const copy = targetFields[name];
      if (copy && Object.keys(field.extensions ?? {}).length > 0) {
        (copy as { extensions: typeof field.extensions }).extensions = { ...copy.extensions, ...field.extensions };
      }
    }
  }
}
