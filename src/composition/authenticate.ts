import { GraphQLError } from 'graphql';
import type { Row } from '../db/plain-rows';
import { type AppContext, type ContextDeps, createContext } from '../graphql/context';
import { formatError } from '../graphql/format-error';
import { confirmPrincipal } from '../modules/auth/principal';
import { type TokenSettings, tokenVerifier } from '../modules/auth/tokens';
import type { User } from '../modules/org/user.entity';

const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, SERVICE_UNAVAILABLE: 503 };

/**
 * The one way a request becomes a context, for HTTP and WebSocket alike: the bearer token is
 * verified, then the person or customer it names is confirmed in the database. Failures come
 * back as coded GraphQL errors (UNAUTHENTICATED 401, SERVICE_UNAVAILABLE 503 when the database
 * is away), never as an internal error.
 */
export function requestAuthenticator(deps: ContextDeps, settings: TokenSettings) {
  const verify = tokenVerifier(settings);
  return async (authorization: string | undefined): Promise<AppContext> => {
    try {
      const actor = await verify(authorization);
      const staff = await confirmPrincipal(deps.em.fork(), actor);
      return createContext(deps, actor, staff);
    } catch (err) {
      const mapped = formatError({ message: (err as Error).message }, err);
      const code = String(mapped.extensions?.code ?? 'UNAUTHENTICATED');
      const known = code in HTTP_STATUS ? code : 'UNAUTHENTICATED';
      const message = code in HTTP_STATUS ? mapped.message : 'The token could not be checked';
      throw new GraphQLError(message, { extensions: { code: known, http: { status: HTTP_STATUS[known] } } });
    }
  };
}

declare module '../graphql/context' {
  /** The member of staff a request acts for is the user row auth confirmed. */
  interface HubStaffUser extends Row<User> {}
}
