import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findById } from '../../db/find-by-id';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { DomainError, ErrorCode, notFound, staleVersion } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import { actingUser } from '../history/history.service';
import type { User } from '../org/user.entity';
import { validateTaskVariables } from './form-validation';
import type { InstanceStepper } from './instance-stepper';
import { InstanceStatus, TaskStatus } from './process.enums';
import { TaskChangedEvent } from './process.events';
import type { ProcessRunnerService } from './process-runner.service';
import { ProcessTask } from './process-task.entity';

export interface TaskQueueFilter {
  mine?: boolean;
  myDepartment?: boolean;
  overdue?: boolean;
  status?: TaskStatus;
  instanceId?: string;
}

/** The work queue: who may take a task, and completing it, which moves its instance on. */
export class ProcessTaskService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly runner: ProcessRunnerService,
    private readonly stepper: InstanceStepper,
  ) {}

  async queue(ctx: ServiceContext, filter: TaskQueueFilter): Promise<ProcessTask[]> {
    const where: Record<string, unknown> = { status: filter.status ?? TaskStatus.OPEN };
    if (filter.instanceId) where.instance = filter.instanceId;
    if (filter.overdue) where.dueAt = { $lt: this.clock.now() };
    if (filter.mine || filter.myDepartment) {
      const user = await requireActor(ctx.em, ctx);
      const departmentCode = (await user.department.load())?.code ?? '';
      const mine = { assignee: user.id };
      const department = { $or: [{ candidateDepartment: departmentCode }, { candidateRole: { $in: user.roles } }] };
      where.$and = [filter.mine && filter.myDepartment ? { $or: [mine, department] } : filter.mine ? mine : department];
    }
    return ctx.em.find(ProcessTask, where, { orderBy: { dueAt: 'asc', createdAt: 'asc' }, limit: 500 });
  }

  find(ctx: ServiceContext, id: string): Promise<ProcessTask | null> {
    return findById(ctx.em, ProcessTask, id);
  }

  claim(ctx: ServiceContext, id: string, version: number): Promise<ProcessTask> {
    return this.changeClaim(ctx, id, version, true);
  }

  unclaim(ctx: ServiceContext, id: string, version: number): Promise<ProcessTask> {
    return this.changeClaim(ctx, id, version, false);
  }

  /** Completes the task and runs its instance on to the next wait, in one transaction. */
  complete(ctx: ServiceContext, id: string, variables: Record<string, unknown>): Promise<ProcessTask> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await requireActor(em, ctx);
      const unlocked = await findById(em, ProcessTask, id);
      if (!unlocked) throw notFound('Task', id);
      const instance = await this.runner.lock(em, unlocked.instance.id);
      const task = await em.findOneOrFail(ProcessTask, { id }, { refresh: true });
      if (task.status !== TaskStatus.OPEN)
        throw new DomainError(ErrorCode.CONFLICT, `Task ${task.name ?? task.elementId} is already ${task.status.toLowerCase()}`);
      await mayWorkOn(actor, task);
      if (task.assignee && task.assignee.id !== actor.id) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          `Task ${task.name ?? task.elementId} is claimed by someone else; they may complete it or unclaim it`,
        );
      }
      validateTaskVariables(task.formFields, variables);
      if (instance.status !== InstanceStatus.WAITING)
        throw new DomainError(ErrorCode.CONFLICT, `Its process instance is ${instance.status.toLowerCase()}`);
      await this.stepper.advance(
        em,
        instance,
        await this.runner.definitionOf(em, instance),
        { kind: 'signal', elementId: task.elementId, output: variables },
        actor,
        events,
      );
      if (task.status === TaskStatus.OPEN) {
        // The step failed (incident): the person's work is still recorded as done; retry replays it.
        task.status = TaskStatus.COMPLETED;
        task.completedAt = this.clock.now();
        task.completedBy = ref(actor);
        task.output = variables;
        events.push(
          new TaskChangedEvent(
            task.id,
            'COMPLETED',
            task.candidateDepartment ?? null,
            task.candidateRole ?? null,
            actor.id,
            task.completedAt,
          ),
        );
      }
      await em.flush();
      return task;
    });
  }

  private changeClaim(ctx: ServiceContext, id: string, version: number, claim: boolean): Promise<ProcessTask> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await requireActor(em, ctx);
      const task = await findById(em, ProcessTask, id);
      if (!task) throw notFound('Task', id);
      if (task.version !== version) throw staleVersion('Task', id, version, task.version);
      if (task.status !== TaskStatus.OPEN)
        throw new DomainError(ErrorCode.CONFLICT, `Task ${task.name ?? task.elementId} is ${task.status.toLowerCase()}`);
      await mayWorkOn(actor, task);
      if (claim && task.assignee && task.assignee.id !== actor.id)
        throw new DomainError(ErrorCode.CONFLICT, 'The task is claimed by someone else');
      if (!claim && task.assignee?.id !== actor.id)
        throw new DomainError(ErrorCode.FORBIDDEN, 'Only the person who claimed a task can unclaim it');
      task.assignee = claim ? ref(actor) : null;
      await em.flush();
      events.push(
        new TaskChangedEvent(
          task.id,
          claim ? 'CLAIMED' : 'UNCLAIMED',
          task.candidateDepartment ?? null,
          task.candidateRole ?? null,
          task.assignee?.id ?? null,
          this.clock.now(),
        ),
      );
      return task;
    });
  }
}

async function requireActor(em: EntityManager, ctx: ServiceContext): Promise<User> {
  // With the department: who may work on a task depends on it.
  const actor = await actingUser(em, ctx.actor, { withDepartment: true });
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Say who you are to work on tasks');
  return actor;
}

/** Only the task's candidate department or role may take it; a task with neither is open to all staff. */
async function mayWorkOn(actor: User, task: ProcessTask): Promise<void> {
  if (!task.candidateDepartment && !task.candidateRole) return;
  const department = await actor.department.load();
  if (task.candidateDepartment && department?.code === task.candidateDepartment) return;
  if (task.candidateRole && actor.roles.includes(task.candidateRole as User['roles'][number])) return;
  const who = [task.candidateDepartment && `department ${task.candidateDepartment}`, task.candidateRole && `role ${task.candidateRole}`]
    .filter(Boolean)
    .join(' or ');
  throw new DomainError(ErrorCode.FORBIDDEN, `Only ${who} may work on task ${task.name ?? task.elementId}`);
}
