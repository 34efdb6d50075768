import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { MaxItems } from '../../graphql/list-cap';
import { ASSIGN_TASKS, CENTER_STAFF, TASK_WORKERS, worksOnlyThroughTasks } from '../auth/access';
import { User } from '../org/user.entity';
import { ActivityRecord } from './activity-record.entity';
import { TaskStatus } from './process.enums';
import { TaskFilter } from './process.inputs';
import { ProcessInstance } from './process-instance.entity';
import { ProcessTask } from './process-task.entity';

@Resolver(() => ProcessTask)
export class ProcessTaskResolver {
  @Authorized(...TASK_WORKERS)
  @MaxItems(500)
  @Query(() => [ProcessTask], { description: "the work queue: mine, my department's, overdue (at most 500, earliest due first)" })
  async tasks(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter?: TaskFilter,
  ): Promise<Row<ProcessTask>[]> {
    // Contractors get their own work whatever they ask for.
    const contractor = worksOnlyThroughTasks((await ctx.staffUser())?.roles ?? []);
    return ctx.services.processes.tasks.queue(ctx, contractor ? { ...filter, mine: true, myDepartment: true } : (filter ?? {}));
  }

  @Authorized(...TASK_WORKERS)
  @Query(() => ProcessTask, { nullable: true })
  async task(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Row<ProcessTask> | null> {
    const contractor = worksOnlyThroughTasks((await ctx.staffUser())?.roles ?? []);
    return contractor ? ctx.services.processes.tasks.findOwnWork(ctx, id) : ctx.services.processes.tasks.find(ctx, id);
  }

  @Authorized(...TASK_WORKERS)
  @Mutation(() => ProcessTask)
  claimTask(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: AppContext): Promise<ProcessTask> {
    return ctx.services.processes.tasks.claim(ctx, id, version);
  }

  @Authorized(...ASSIGN_TASKS)
  @Mutation(() => ProcessTask, {
    description:
      "gives an open task to someone who may work on it, or releases it (userId null): supervisors of the task's department and administrators",
  })
  assignTask(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: AppContext,
    @Arg('userId', () => ID, { nullable: true }) userId?: string | null,
  ): Promise<ProcessTask> {
    return ctx.services.processes.tasks.assign(ctx, id, version, userId ?? null);
  }

  @Authorized(...TASK_WORKERS)
  @Mutation(() => ProcessTask)
  unclaimTask(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: AppContext): Promise<ProcessTask> {
    return ctx.services.processes.tasks.unclaim(ctx, id, version);
  }

  @Authorized(...TASK_WORKERS)
  @Mutation(() => ProcessTask, { description: 'completes the task with values for its form; its instance moves on' })
  completeTask(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
    @Arg('variables', () => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown>,
  ): Promise<Row<ProcessTask>> {
    return ctx.services.processes.tasks.complete(ctx, id, variables ?? {});
  }

  // Contractors work only through their tasks: the instance carries every variable (the customer,
  // other departments' answers) and its other tasks. A procedure tells them what they need on the task.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => ProcessInstance)
  instance(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): MaybePromise<Row<ProcessInstance> | null> {
    return ctx.loaders.instanceById.load(task.instance.id);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return task.assignee ? ctx.loaders.userById.load(task.assignee.id) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'the supervisor or administrator who last assigned or released it' })
  assignedBy(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return task.assignedBy ? ctx.loaders.userById.load(task.assignedBy.id) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  completedBy(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return task.completedBy ? ctx.loaders.userById.load(task.completedBy.id) : null;
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() task: Row<ProcessTask>, @Ctx() ctx: AppContext): boolean {
    return task.status === TaskStatus.OPEN && !!task.dueAt && task.dueAt.getTime() < ctx.clock.now().getTime();
  }
}

@Resolver(() => ActivityRecord)
export class ActivityRecordResolver {
  @FieldResolver(() => User, { nullable: true, description: 'who completed it (user tasks)' })
  completedBy(@Root() record: Row<ActivityRecord>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return record.completedBy ? ctx.loaders.userById.load(record.completedBy.id) : null;
  }
}
