import { createPubSub } from '@graphql-yoga/subscription';
import type { GraphQLSchema } from 'graphql';
import { type AuthChecker, buildSchema, type NonEmptyArray, type PubSub } from 'type-graphql';

export interface SchemaParts {
  // biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes
  resolvers: readonly Function[];
  authChecker: AuthChecker;
  /** checks the built schema (every root field declares who may use it); throws to stop the boot */
  check?: (schema: GraphQLSchema) => void;
}

/**
 * Builds the executable schema from the resolvers the composition root lists; inputs are
 * validated with class-validator. `pubSub` delivers subscription events; printing the schema
 * needs none, so a local one is made.
 */
export async function buildHubSchema(parts: SchemaParts, pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    // biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes
    resolvers: [...parts.resolvers] as unknown as NonEmptyArray<Function>,
    pubSub,
    authChecker: parts.authChecker,
    validate: { forbidUnknownValues: false },
  });
  parts.check?.(schema);
  return schema;
}
