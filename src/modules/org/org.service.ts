import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findById } from '../../db/find-by-id';
import { loadForChange } from '../../db/load-for-change';
import { badInput, DomainError, ErrorCode } from '../../shared/domain-error';
import { checkId } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import { Department } from './department.entity';
import type { CreateDepartmentInput, CreateUserInput, UpdateUserInput } from './org.inputs';
import type { Role } from './role.enum';
import { User } from './user.entity';

/** Departments and staff: the small, slowly changing directory every other module points at. */
export class OrgService {
  departments(ctx: ServiceContext): Promise<Department[]> {
    return ctx.em.find(Department, {}, { orderBy: { code: 'asc' } });
  }

  async users(ctx: ServiceContext, filter: { role?: Role; departmentId?: string }): Promise<User[]> {
    if (filter.departmentId) checkId('departmentId', filter.departmentId);
    const where: Record<string, unknown> = {};
    if (filter.role) where.roles = { $contains: [filter.role] };
    if (filter.departmentId) where.department = filter.departmentId;
    return ctx.em.find(User, where, { orderBy: { code: 'asc' }, limit: 1000 });
  }

  async createDepartment(ctx: ServiceContext, input: CreateDepartmentInput): Promise<Department> {
    return ctx.em.transactional(async (em) => {
      if (await em.count(Department, { code: input.code })) {
        throw new DomainError(ErrorCode.CONFLICT, `Department code ${input.code} is taken`, { field: 'code' });
      }
      const department = em.create(Department, input);
      await em.flush();
      return department;
    });
  }

  async createUser(ctx: ServiceContext, input: CreateUserInput): Promise<User> {
    return ctx.em.transactional(async (em) => {
      if (await em.count(User, { code: input.code })) {
        throw new DomainError(ErrorCode.CONFLICT, `User code ${input.code} is taken`, { field: 'code' });
      }
      const department = await requireDepartment(em, input.departmentId, 'departmentId');
      const user = em.create(User, { ...input, department, active: true });
      await em.flush();
      return user;
    });
  }

  async updateUser(ctx: ServiceContext, input: UpdateUserInput): Promise<User> {
    return ctx.em.transactional(async (em) => {
      const user = await loadForChange(em, User, input.id, input.version);
      if (input.departmentId) user.department = ref(await requireDepartment(em, input.departmentId, 'departmentId'));
      if (input.name !== undefined) user.name = input.name;
      if (input.roles !== undefined) user.roles = input.roles;
      if (input.active !== undefined && input.active !== null) user.active = input.active;
      if (input.email !== undefined) user.email = input.email;
      if (input.phone !== undefined) user.phone = input.phone;
      await em.flush();
      return user;
    });
  }
}

export async function requireDepartment(em: EntityManager, id: string, field: string): Promise<Department> {
  const department = await findById(em, Department, id);
  if (!department) throw badInput(field, `No department with id ${id}`);
  return department;
}

export async function requireUser(em: EntityManager, id: string, field: string): Promise<User> {
  const user = await findById(em, User, id);
  if (!user) throw badInput(field, `No user with id ${id}`);
  return user;
}
