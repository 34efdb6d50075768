import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor } from '../../shared/service-context';
import { Role } from '../org/role.enum';

/**
 * `@Authorized(Role.ADMIN, ...)` on a resolver: the caller must be staff holding one of the roles
 * (read from the database, so a changed role counts at once). `@Authorized()`: every member of staff.
 */
export class RoleChecker implements AuthCheckerInterface<AppContext> {
  async check({ context }: ResolverData<AppContext>, roles: string[]): Promise<boolean> {
    if (context.actor.kind === 'customer') return roles.includes(CUSTOMER_ACCESS);
    if (context.actor.kind !== 'staff') return false;
    const staffRoles = roles.filter((role) => role !== CUSTOMER_ACCESS);
    if (staffRoles.length === 0) return true;
    const user = await context.staffUser();
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, `Unknown user "${context.actor.userCode}"`);
    if (!user.roles.some((role) => staffRoles.includes(role))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `This needs one of the roles ${staffRoles.join(', ')}; ${user.code} has ${user.roles.join(', ') || 'none'}`,
      );
    }
    return true;
  }
}

/** In an `@Authorized(...)` list: customer tokens may use it too (narrowed to their customer). */
export const CUSTOMER_ACCESS = 'CUSTOMER';

/** Who reads the center's customers, circuits and tickets: every role but contractors (they work through their tasks), and customer tokens. */
export const READ_CENTER_DATA = [...Object.values(Role).filter((role) => role !== Role.CONTRACTOR), CUSTOMER_ACCESS];

/** Who sees customers' contact people (confidential, 客户中心质量管理制度办法): the roles that talk to customers. */
export const READ_CONTACTS = [Role.RESPONSE_CENTER, Role.ACCOUNT_MANAGER, Role.NETWORK_SERVICE_MANAGER, Role.SUPERVISOR, Role.ADMIN];

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
