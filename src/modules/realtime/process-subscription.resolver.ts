import { Arg, Authorized, Ctx, Field, InputType, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { CENTER_STAFF, TASK_WORKERS, worksOnlyThroughTasks } from '../auth/access';
import { actingUser } from '../history/history.service';
import { InstanceStatus } from '../processes/process.enums';
import { ProcessInstance } from '../processes/process-instance.entity';
import { ProcessTask } from '../processes/process-task.entity';
import { isOfferedTo } from '../processes/task-offer';
import { SharedLoads } from './shared-load';
import { type ProcessInstanceChangedPayload, type TaskChangedPayload, Topic } from './topics';

@InputType()
export class ProcessInstanceSubscriptionFilter {
  @Field({ nullable: true })
  processKey?: string;

  @Field({ nullable: true })
  businessKey?: string;

  @Field(() => [InstanceStatus], { nullable: true })
  statuses?: InstanceStatus[];
}

@InputType()
export class TaskSubscriptionFilter {
  @Field({ nullable: true, description: 'tasks assigned to me' })
  mine?: boolean;

  @Field({ nullable: true, description: 'tasks offered to my department or one of my roles' })
  myDepartment?: boolean;
}

@ObjectType({ simpleResolvers: true })
export class TaskChangeNotice {
  @Field({ description: 'CREATED, CLAIMED, UNCLAIMED, COMPLETED, CANCELLED or OVERDUE' })
  change!: string;

  @Field()
  at!: Date;

  @Field(() => ProcessTask, { nullable: true })
  task!: ProcessTask | null;
}

const matchesInstance = (p: ProcessInstanceChangedPayload, f?: ProcessInstanceSubscriptionFilter | null) =>
  !f ||
  ((!f.processKey || f.processKey === p.processKey) &&
    (!f.businessKey || f.businessKey === p.businessKey) &&
    (!f.statuses?.length || f.statuses.includes(p.status as InstanceStatus)));

const sharedInstances = new SharedLoads<Row<ProcessInstance> | null>();
const sharedTasks = new SharedLoads<ProcessTask | null>();

interface Subscriber {
  id: string;
  department: string | null;
  roles: string[];
}

// Looked up once per subscription, not once per event: a thousand subscribers, one query each.
const subscribers = new WeakMap<object, Promise<Subscriber | null>>();

function subscriberOf(context: AppContext): Promise<Subscriber | null> {
  let found = subscribers.get(context);
  if (!found) {
    found = (async () => {
      const user = await actingUser(context.em.fork(), context.actor);
      if (!user) return null;
      return { id: user.id, department: (await user.department.load())?.code ?? null, roles: [...user.roles] };
    })();
    subscribers.set(context, found);
  }
  return found;
}

async function matchesTask(payload: TaskChangedPayload, asked: TaskSubscriptionFilter | undefined, context: AppContext): Promise<boolean> {
  // Contractors hear of their own work only, whatever they ask for.
  const contractor = worksOnlyThroughTasks((await context.staffUser())?.roles ?? []);
  const filter = contractor ? { mine: true, myDepartment: true } : asked;
  if (!filter?.mine && !filter?.myDepartment) return true;
  const user = await subscriberOf(context);
  if (!user) return false;
  const mine = payload.assigneeId === user.id;
  const ours =
    (!!payload.candidateDepartment || !!payload.candidateRole) &&
    isOfferedTo(payload, { departmentCode: user.department ?? null, roles: user.roles });
  return (!!filter.mine && mine) || (!!filter.myDepartment && ours);
}

@Resolver()
export class ProcessSubscriptionResolver {
  @Authorized(...CENTER_STAFF)
  @Subscription(() => ProcessInstance, {
    topics: Topic.ProcessInstanceChanged,
    filter: ({ payload, args }: { payload: ProcessInstanceChangedPayload; args: { filter?: ProcessInstanceSubscriptionFilter } }) =>
      matchesInstance(payload, args.filter),
    description: 'a process instance as it is after each committed step',
  })
  async processInstanceChanged(
    @Root() payload: ProcessInstanceChangedPayload,
    @Ctx() ctx: AppContext,
    @Arg('filter', () => ProcessInstanceSubscriptionFilter, { nullable: true }) _filter?: ProcessInstanceSubscriptionFilter,
  ): Promise<Row<ProcessInstance> | null> {
    ctx.renew();
    return sharedInstances.load(payload.eventId, async () => ctx.loaders.instanceById.load(payload.instanceId));
  }

  /** "Mine" and "my department" depend on who subscribed, so the filter looks the subscriber up. */
  @Authorized(...TASK_WORKERS)
  @Subscription(() => TaskChangeNotice, {
    topics: Topic.TaskChanged,
    filter: ({ payload, args, context }: { payload: TaskChangedPayload; args: { filter?: TaskSubscriptionFilter }; context: AppContext }) =>
      matchesTask(payload, args.filter, context),
    description: 'new, claimed, completed and overdue tasks for me or my department',
  })
  async taskChanged(
    @Root() payload: TaskChangedPayload,
    @Ctx() ctx: AppContext,
    @Arg('filter', () => TaskSubscriptionFilter, { nullable: true }) _filter?: TaskSubscriptionFilter,
  ): Promise<TaskChangeNotice> {
    ctx.renew();
    const task = await sharedTasks.load(payload.eventId, () => ctx.em.findOne(ProcessTask, { id: payload.taskId }));
    return { change: payload.change, at: new Date(payload.at), task };
  }
}
