import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { MaxItems } from '../../graphql/list-cap';
import { ADMINISTER, CENTER_STAFF } from '../auth/access';
import { Department } from './department.entity';
import { CreateDepartmentInput, CreateUserInput, UpdateUserInput } from './org.inputs';
import { Role } from './role.enum';
import { User } from './user.entity';

@Resolver(() => User)
export class OrgResolver {
  @Authorized(...CENTER_STAFF)
  @Query(() => [Department])
  departments(@Ctx() ctx: AppContext): Promise<Row<Department>[]> {
    return ctx.services.org.departments(ctx);
  }

  @Authorized(...CENTER_STAFF)
  @MaxItems(1000)
  @Query(() => [User], { description: 'staff, optionally of one role or department (at most 1,000)' })
  users(
    @Ctx() ctx: AppContext,
    @Arg('role', () => Role, { nullable: true }) role?: Role,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
  ): Promise<Row<User>[]> {
    return ctx.services.org.users(ctx, { role, departmentId });
  }

  @Authorized(...CENTER_STAFF)
  @Query(() => User, { nullable: true })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return ctx.loaders.userById.load(id);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => Department)
  createDepartment(@Arg('input') input: CreateDepartmentInput, @Ctx() ctx: AppContext): Promise<Department> {
    return ctx.services.org.createDepartment(ctx, input);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => User)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: AppContext): Promise<User> {
    return ctx.services.org.createUser(ctx, input);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => User)
  updateUser(@Arg('input') input: UpdateUserInput, @Ctx() ctx: AppContext): Promise<User> {
    return ctx.services.org.updateUser(ctx, input);
  }

  @FieldResolver(() => String, { nullable: true, description: 'null for customer tokens: staff contact details stay inside the center' })
  email(@Root() user: Row<User>, @Ctx() ctx: AppContext): string | null {
    return ctx.actor.kind === 'customer' ? null : (user.email ?? null);
  }

  @FieldResolver(() => String, { nullable: true, description: 'null for customer tokens: staff contact details stay inside the center' })
  phone(@Root() user: Row<User>, @Ctx() ctx: AppContext): string | null {
    return ctx.actor.kind === 'customer' ? null : (user.phone ?? null);
  }

  @FieldResolver(() => Department)
  department(@Root() user: Row<User>, @Ctx() ctx: AppContext): MaybePromise<Row<Department> | null> {
    return ctx.loaders.departmentById.load(user.department.id);
  }
}
