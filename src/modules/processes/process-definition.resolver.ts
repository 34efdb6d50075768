import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { HeldInRow, LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF, OWN_PROCESSES } from '../auth/access';
import { User } from '../org/user.entity';
import type { InstanceStatus } from './process.enums';
import { DeployInput, Deployment, ProcessDefinitionKey, StatusCount } from './process.inputs';
import { ProcessDefinition } from './process-definition.entity';

@Resolver(() => ProcessDefinition)
export class ProcessDefinitionResolver {
  @Authorized(...CENTER_STAFF)
  @HeldInRow()
  @Query(() => [ProcessDefinitionKey], { description: 'every process key with its versions (one statement reads them all)' })
  async processDefinitions(@Ctx() ctx: AppContext): Promise<ProcessDefinitionKey[]> {
    const all = await ctx.services.processes.definitions.list(ctx.em);
    const byKey = new Map<string, ProcessDefinition[]>();
    for (const definition of all) byKey.set(definition.key, [...(byKey.get(definition.key) ?? []), definition]);
    return [...byKey].map(([key, versions]) => ({ key, name: versions[0].name ?? null, latestVersion: versions[0].version, versions }));
  }

  @Authorized(...OWN_PROCESSES)
  @Mutation(() => Deployment, { description: 'deploys an edited diagram as the next version of its process' })
  deployProcessDefinition(@Arg('input') input: DeployInput, @Ctx() ctx: AppContext): Promise<Deployment> {
    return ctx.services.processes.definitions.deploy(ctx, input.xml, { comment: input.comment ?? null });
  }

  @FieldResolver(() => User, { nullable: true, description: 'who deployed it (null for the start-up deploy from processes/)' })
  deployedBy(@Root() definition: Row<ProcessDefinition>, @Ctx() ctx: AppContext): MaybePromise<Row<User> | null> {
    return definition.deployedBy ? ctx.loaders.userById.load(definition.deployedBy.id) : null;
  }

  @MaxItems(LIST_CAPS.statusCounts)
  @FieldResolver(() => [StatusCount], { description: 'instances of this version by status' })
  async instanceCounts(@Root() definition: Row<ProcessDefinition>, @Ctx() ctx: AppContext): Promise<StatusCount[]> {
    const counts = await ctx.loaders.instanceCountsByDefinition.load(definition.id);
    return counts.map((c) => ({ status: c.status as InstanceStatus, count: c.count }));
  }
}
