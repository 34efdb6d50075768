import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { capList, LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { badInput } from '../../shared/domain-error';
import { checkText, TEXT_LIMITS } from '../../shared/input-checks';
import { CENTER_STAFF, OWN_PROCESSES, REPAIR_PROCESSES } from '../auth/access';
import { ActivityRecord } from './activity-record.entity';
import { ProcessInstanceFilter } from './process.inputs';
import { ProcessDefinition } from './process-definition.entity';
import { Incident, ProcessInstance } from './process-instance.entity';
import { ProcessTask } from './process-task.entity';

@Resolver(() => ProcessInstance)
export class ProcessInstanceResolver {
  @Authorized(...CENTER_STAFF)
  @Query(() => [ProcessInstance], { description: 'newest first, at most `first` (1 to 100)' })
  processInstances(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => ProcessInstanceFilter, { nullable: true }) filter?: ProcessInstanceFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first?: number,
  ): Promise<Row<ProcessInstance>[]> {
    const limit = first ?? 50;
    if (limit < 1 || limit > 100) throw badInput('first', 'first must be between 1 and 100');
    const where: Record<string, unknown> = {};
    if (filter?.processKey) where.processKey = filter.processKey;
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.businessKey) where.businessKey = filter.businessKey;
    return ctx.em.find(ProcessInstance, where, { orderBy: { startedAt: 'desc', id: 'desc' }, limit });
  }

  @Authorized(...CENTER_STAFF)
  @Query(() => ProcessInstance, { nullable: true })
  processInstance(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): MaybePromise<Row<ProcessInstance> | null> {
    return ctx.loaders.instanceById.load(id);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => ProcessInstance, { description: 'starts the latest version of the process' })
  startProcess(
    @Arg('key') key: string,
    @Ctx() ctx: AppContext,
    @Arg('businessKey', () => String, { nullable: true }) businessKey?: string,
    @Arg('variables', () => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown>,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'a retry with the same key returns the first instance' })
    idempotencyKey?: string,
  ): Promise<Row<ProcessInstance>> {
    checkText('key', key, TEXT_LIMITS.key);
    if (businessKey) checkText('businessKey', businessKey, TEXT_LIMITS.key);
    if (idempotencyKey) checkText('idempotencyKey', idempotencyKey, TEXT_LIMITS.key);
    return ctx.services.processes.runner.start(ctx, key, businessKey ?? null, variables ?? {}, idempotencyKey);
  }

  @Authorized(...CENTER_STAFF)
  @Mutation(() => ProcessInstance, { description: 'resumes the instance of businessKey that waits for this message' })
  correlateMessage(
    @Arg('name') name: string,
    @Arg('businessKey') businessKey: string,
    @Ctx() ctx: AppContext,
    @Arg('variables', () => GraphQLJSONObject, { nullable: true }) variables?: Record<string, unknown>,
  ): Promise<Row<ProcessInstance>> {
    checkText('name', name, TEXT_LIMITS.key);
    checkText('businessKey', businessKey, TEXT_LIMITS.key);
    return ctx.services.processes.runner.correlateMessage(ctx, name, businessKey, variables ?? {});
  }

  @Authorized(...REPAIR_PROCESSES)
  @Mutation(() => ProcessInstance)
  retryIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<Row<ProcessInstance>> {
    return ctx.services.processes.runner.retryIncident(ctx, id);
  }

  @Authorized(...REPAIR_PROCESSES)
  @Mutation(() => ProcessInstance)
  cancelProcessInstance(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: AppContext,
  ): Promise<Row<ProcessInstance>> {
    checkText('reason', reason, TEXT_LIMITS.text);
    return ctx.services.processes.runner.cancel(ctx, id, reason);
  }

  @Authorized(...OWN_PROCESSES)
  @Mutation(() => [ProcessInstance], { description: 'moves waiting instances to another version when all they wait on exists there' })
  migrateProcessInstances(
    @Arg('key') key: string,
    @Arg('fromVersion', () => Int) fromVersion: number,
    @Arg('toVersion', () => Int) toVersion: number,
    @Ctx() ctx: AppContext,
  ): Promise<Row<ProcessInstance>[]> {
    checkText('key', key, TEXT_LIMITS.key);
    return ctx.services.processes.runner.migrate(ctx, key, fromVersion, toVersion);
  }

  @FieldResolver(() => ProcessDefinition)
  definition(@Root() instance: Row<ProcessInstance>, @Ctx() ctx: AppContext): MaybePromise<Row<ProcessDefinition> | null> {
    return ctx.loaders.definitionById.load(instance.definition.id);
  }

  @MaxItems(LIST_CAPS.instanceTasks)
  @FieldResolver(() => [ProcessTask], { description: `its open user tasks (at most ${LIST_CAPS.instanceTasks})` })
  tasks(@Root() instance: Row<ProcessInstance>, @Ctx() ctx: AppContext): Promise<Row<ProcessTask>[]> {
    return capList(ctx.loaders.openTasksByInstance.load(instance.id), LIST_CAPS.instanceTasks);
  }

  @MaxItems(LIST_CAPS.instanceActivities)
  @FieldResolver(() => [ActivityRecord], {
    description: `activities entered and left, oldest first (the first ${LIST_CAPS.instanceActivities})`,
  })
  history(@Root() instance: Row<ProcessInstance>, @Ctx() ctx: AppContext): Promise<Row<ActivityRecord>[]> {
    return capList(ctx.loaders.activitiesByInstance.load(instance.id), LIST_CAPS.instanceActivities);
  }

  @FieldResolver(() => ProcessInstance, { nullable: true, description: 'the instance whose call activity started this one' })
  calledBy(@Root() instance: Row<ProcessInstance>, @Ctx() ctx: AppContext): MaybePromise<Row<ProcessInstance> | null> {
    return instance.parentInstanceId ? ctx.loaders.instanceById.load(instance.parentInstanceId) : null;
  }

  @MaxItems(LIST_CAPS.instanceTasks)
  @FieldResolver(() => [ProcessInstance], {
    description: `the instances its call activities started, oldest first (the first ${LIST_CAPS.instanceTasks})`,
  })
  calledInstances(@Root() instance: Row<ProcessInstance>, @Ctx() ctx: AppContext): Promise<Row<ProcessInstance>[]> {
    return capList(ctx.loaders.calledByInstance.load(instance.id), LIST_CAPS.instanceTasks);
  }

  @FieldResolver(() => Incident, { nullable: true, description: 'why the instance stopped, when it did' })
  incident(@Root() instance: Row<ProcessInstance>): Incident | null {
    const data = instance.incidentData;
    return data ? { message: data.message, elementId: data.elementId, attempts: data.attempts, at: new Date(data.at) } : null;
  }
}
