import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { federate } from '../graphql/federation';
import { buildHubSchema } from '../graphql/schema';
import { RoleChecker } from '../modules/auth/auth-checker';
import { assertEveryRootFieldDeclaresAccess } from '../modules/auth/root-field-access';
import { centerFederation } from './federation-entities';
import { resolvers } from './resolvers';

/** The center's schema: every resolver, role checks, no root field without its access rule, as a federation subgraph. */
export const buildCenterSchema = async (pubSub?: PubSub): Promise<GraphQLSchema> =>
  federate(
    await buildHubSchema({ resolvers, authChecker: RoleChecker, check: assertEveryRootFieldDeclaresAccess }, pubSub),
    centerFederation,
  );
