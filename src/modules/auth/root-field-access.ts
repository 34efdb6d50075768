import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { FEDERATION_ACCESS } from './access';

/** `Query.tickets` -> the roles (and CUSTOMER) its `@Authorized` names. */
export type RootFieldAccess = Map<string, readonly string[]>;

/** Who may use each root field of the schema, as the resolvers declare it. */
export function rootFieldAccess(schema: GraphQLSchema): RootFieldAccess {
  const storage = getMetadataStorage();
  const declared = new Map<string, readonly string[]>();
  const collect = (type: string, definitions: { schemaName: string; roles?: unknown[] }[]) => {
    for (const definition of definitions) {
      if (definition.roles?.length) declared.set(`${type}.${definition.schemaName}`, definition.roles.map(String));
    }
  };
  collect('Query', storage.queries);
  collect('Mutation', storage.mutations);
  collect('Subscription', storage.subscriptions);
  const access: RootFieldAccess = new Map();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const name of Object.keys(root?.getFields() ?? {})) {
      const key = `${root?.name}.${name}`;
      access.set(key, declared.get(key) ?? FEDERATION_ACCESS[key] ?? []);
    }
  }
  return access;
}

/**
 * Deny by default: a root field that does not name who may use it would be open to every token,
 * so the hub refuses to start with one.
 */
export function assertEveryRootFieldDeclaresAccess(schema: GraphQLSchema): void {
  const open = [...rootFieldAccess(schema)].filter(([, roles]) => roles.length === 0).map(([field]) => field);
  if (open.length) throw new Error(`These root fields do not say who may use them (@Authorized): ${open.join(', ')}`);
}
