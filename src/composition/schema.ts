import type { GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import { buildHubSchema } from '../graphql/schema';
import { RoleChecker } from '../modules/auth/auth-checker';
import { assertEveryRootFieldDeclaresAccess } from '../modules/auth/root-field-access';
import { resolvers } from './resolvers';

/** The center's schema: every resolver, role checks, and no root field without its access rule. */
export const buildCenterSchema = (pubSub?: PubSub): Promise<GraphQLSchema> =>
  buildHubSchema({ resolvers, authChecker: RoleChecker, check: assertEveryRootFieldDeclaresAccess }, pubSub);
