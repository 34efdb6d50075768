import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql, type Row, rowReader, selectRows } from '../../db/plain-rows';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { Actor, StaffPrincipal } from '../../shared/service-context';
import { Customer } from '../customers/customer.entity';
import { User } from '../org/user.entity';

/** A member of staff as the request knows them: the row (for the API) and the principal (for services). */
export interface ConfirmedStaff {
  user: Row<User>;
  principal: StaffPrincipal;
}

/**
 * A good signature is not enough: the token must name someone the center knows now, an active
 * member of staff or a customer that is not archived. Read once per request (and per
 * subscription), so a deactivated user or an archived customer is refused at once. Returns the
 * member of staff, whose roles the role checks then use without reading again.
 */
export async function confirmPrincipal(em: EntityManager, actor: Actor): Promise<ConfirmedStaff | null> {
  if (actor.kind === 'staff') {
    const [row] = await execSql<{ user: Record<string, unknown>; department_code: string }>(
      em,
      'select to_jsonb(u) as user, d.code as department_code from app_user u join department d on d.id = u.department_id where u.code = ? and u.active',
      [actor.userCode],
    );
    if (!row) throw new DomainError(ErrorCode.UNAUTHENTICATED, `The token names no active user ("${actor.userCode}")`);
    const user = rowReader(em, User).read(row.user);
    return { user, principal: { id: user.id, code: user.code, roles: user.roles, departmentCode: row.department_code } };
  }
  if (actor.kind === 'customer') {
    const [customer] = await selectRows(em, Customer, 'id = ? and archived_at is null', [actor.customerId]);
    if (!customer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The token names no current customer');
    return null;
  }
  throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The token does not say who you are');
}
