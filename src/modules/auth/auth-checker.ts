import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import { CUSTOMER_ACCESS } from './access';

/**
 * `@Authorized(...roles)` on a resolver: a customer token passes only where CUSTOMER_ACCESS is
 * listed; staff must hold one of the staff roles listed (read with the request's principal, so a
 * changed role counts at the next request). An empty list admits nobody: access is always named.
 */
export class RoleChecker implements AuthCheckerInterface<AppContext> {
  async check({ context }: ResolverData<AppContext>, roles: string[]): Promise<boolean> {
    const { actor } = context;
    if (actor.kind === 'customer') {
      if (roles.includes(CUSTOMER_ACCESS)) return true;
      throw new DomainError(ErrorCode.FORBIDDEN, 'A customer token may not use this; it reads its own tickets, circuits and customer only');
    }
    if (actor.kind !== 'staff') return false;
    const staffRoles = roles.filter((role) => role !== CUSTOMER_ACCESS);
    const user = await context.staffUser();
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, `No active user "${actor.userCode}"`);
    if (!user.roles.some((role) => staffRoles.includes(role))) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `This needs one of the roles ${staffRoles.join(', ') || '(none)'}; ${user.code} has ${user.roles.join(', ') || 'none'}`,
        { requiredRoles: staffRoles },
      );
    }
    return true;
  }
}
