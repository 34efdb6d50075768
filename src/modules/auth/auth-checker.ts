import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor } from '../../shared/service-context';
import { actingUser } from '../history/history.service';

/**
 * `@Authorized(Role.ADMIN, ...)` on a resolver: the caller must be staff holding one of the roles
 * (read from the database, so a changed role counts at once). `@Authorized()`: every member of staff.
 */
export class RoleChecker implements AuthCheckerInterface<AppContext> {
  async check({ context }: ResolverData<AppContext>, roles: string[]): Promise<boolean> {
    if (context.actor.kind !== 'staff') return false;
    if (roles.length === 0) return true;
    const user = await actingUser(context.em.fork(), context.actor);
    if (!user) return false;
    if (!user.roles.some((role) => roles.includes(role))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `This needs one of the roles ${roles.join(', ')}; ${user.code} has ${user.roles.join(', ') || 'none'}`,
      );
    }
    return true;
  }
}

/** What a customer token may ask for at the root; everything it gets is narrowed to its customer. */
const CUSTOMER_ROOT_FIELDS = new Set([
  'tickets',
  'ticket',
  'circuits',
  'circuit',
  'customers',
  'customer',
  'ticketChanged',
  '__typename',
  '__schema',
  '__type',
]);

/**
 * Integrators acting for a customer reach only that customer's tickets and circuits. Checked once
 * per operation (not per field, which would cost every resolver of a big page).
 */
export function assertCustomerMayRun(operation: OperationDefinitionNode, actor: Actor): void {
  if (actor.kind !== 'customer') return;
  for (const selection of operation.selectionSet.selections) {
    const name = selection.kind === Kind.FIELD ? selection.name.value : null;
    if (name === null || !CUSTOMER_ROOT_FIELDS.has(name)) {
      throw new GraphQLError(`A customer token may not use ${name ?? 'fragments at the root'}`, {
        extensions: { code: ErrorCode.FORBIDDEN },
      });
    }
  }
}
