import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { ServiceContext } from '../../shared/service-context';

/** Who moves an instance on: what task permissions and history need of a member of staff. */
export interface StepActor {
  id: string;
  roles: readonly string[];
  departmentCode: string;
}

/**
 * The acting member of staff: the principal the request confirmed, else read in the caller's
 * transaction (one statement, no entity). An unknown user code is refused, not ignored; a caller
 * without one (system, customers) is null.
 */
export async function stepActor(em: EntityManager, ctx: ServiceContext): Promise<StepActor | null> {
  // A request confirmed its staff member when it was authenticated: no second read.
  if (ctx.principal) return ctx.principal;
  const { actor } = ctx;
  if (!actor.userCode) return null;
  const [row] = await execSql<{ id: string; roles: string[]; department_code: string }>(
    em,
    'select u.id, u.roles, d.code as department_code from app_user u join department d on d.id = u.department_id where u.code = ?',
    [actor.userCode],
  );
  if (!row) throw new DomainError(ErrorCode.UNAUTHENTICATED, `Unknown user "${actor.userCode}"`, { userCode: actor.userCode });
  return { id: row.id, roles: row.roles, departmentCode: row.department_code };
}

/** An active member of staff by id, as a task's permissions see them (null when there is none). */
export async function activeStaffById(em: EntityManager, id: string): Promise<StepActor | null> {
  const [row] = await execSql<{ id: string; roles: string[]; department_code: string }>(
    em,
    'select u.id, u.roles, d.code as department_code from app_user u join department d on d.id = u.department_id where u.id = ? and u.active',
    [id],
  );
  return row ? { id: row.id, roles: row.roles, departmentCode: row.department_code } : null;
}
