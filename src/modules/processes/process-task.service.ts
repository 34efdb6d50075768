import type { EntityManager } from '@mikro-orm/postgresql';
import { findById, isUuid } from '../../db/find-by-id';
import { type Row, selectRows } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound, staleVersion } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkId } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import { User } from '../org/user.entity';
import { validateTaskVariables } from './form-validation';
import type { InstanceStepper } from './instance-stepper';
import { lockInstanceOfTask, type TaskRow, tasksOf } from './instance-store';
import { InstanceStatus, TaskStatus } from './process.enums';
import { type TaskChange, TaskChangedEvent } from './process.events';
import type { ProcessRunnerService } from './process-runner.service';
import { ProcessTask } from './process-task.entity';
import { activeStaffById, type StepActor, stepActor } from './step-actor';
import { isOfferedTo, OFFERED_TO_SQL } from './task-offer';

export interface TaskQueueFilter {
  mine?: boolean;
  myDepartment?: boolean;
  overdue?: boolean;
  status?: TaskStatus;
  instanceId?: string;
}

/** A task about to complete, for the checks its procedure adds to the diagram's form. */
export interface CheckedTask {
  processKey: string;
  elementId: string;
  ticketId: string | null;
  instanceId: string;
}

/** Refuses a completion by throwing (badInput); runs in the completion's transaction, before the step. */
export type FormCheck = (em: EntityManager, task: CheckedTask, variables: Record<string, unknown>) => Promise<void>;

/** A form field's answer as completing the task hands it on, checked for its type's shape already. */
export interface FieldAnswer {
  ctx: ServiceContext;
  actor: StepActor;
  task: CheckedTask;
  fieldId: string;
  value: unknown;
}

/**
 * What a form field of a type defined outside this module does when its task completes (an
 * `attachments` field attaches documents to the ticket): in the completion's transaction, before
 * the step; throwing refuses the completion and nothing changes.
 */
export type FieldCompletion = (em: EntityManager, answer: FieldAnswer) => Promise<void>;

/** The work queue: who may take a task, and completing it, which moves its instance on. */
export class ProcessTaskService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly runner: ProcessRunnerService,
    private readonly stepper: InstanceStepper,
  ) {}

  /** The procedures' checks of forms (set at boot by the procedure layer). */
  formCheck: FormCheck = async () => undefined;

  /** By field type: what answers of that type do on completion (set at boot by the composition root). */
  readonly fieldCompletions = new Map<string, FieldCompletion>();

  /** Plain rows, one statement (and one more for the caller's department when the filter needs it). */
  async queue(ctx: ServiceContext, filter: TaskQueueFilter): Promise<TaskRow[]> {
    const conditions = ['status = ?'];
    const params: unknown[] = [filter.status ?? TaskStatus.OPEN];
    if (filter.instanceId) {
      if (!isUuid(filter.instanceId)) return [];
      conditions.push('instance_id = ?');
      params.push(filter.instanceId);
    }
    if (filter.overdue) {
      conditions.push('due_at < ?');
      params.push(this.clock.now());
    }
    if (filter.mine || filter.myDepartment) {
      const user = await requireActor(ctx.em, ctx);
      const mine = 'assignee_id = ?';
      const department = OFFERED_TO_SQL;
      const departmentParams = [user.departmentCode, `{${user.roles.join(',')}}`];
      if (filter.mine && filter.myDepartment) {
        conditions.push(`(${mine} or ${department})`);
        params.push(user.id, ...departmentParams);
      } else if (filter.mine) {
        conditions.push(mine);
        params.push(user.id);
      } else {
        conditions.push(department);
        params.push(...departmentParams);
      }
    }
    return selectRows(ctx.em, ProcessTask, conditions.join(' and '), params, 'due_at asc, created_at asc', 500);
  }

  find(ctx: ServiceContext, id: string): Promise<ProcessTask | null> {
    return findById(ctx.em, ProcessTask, id);
  }

  /** A task as a contractor may see it: only when it is theirs or offered to them. */
  async findOwnWork(ctx: ServiceContext, id: string): Promise<ProcessTask | null> {
    const task = await findById(ctx.em, ProcessTask, id);
    if (!task) return null;
    const actor = await requireActor(ctx.em, ctx);
    if (task.assignee?.id === actor.id) return task;
    try {
      mayWorkOn(actor, task);
      return task;
    } catch {
      return null;
    }
  }

  claim(ctx: ServiceContext, id: string, version: number): Promise<ProcessTask> {
    return this.changeClaim(ctx, id, version, true);
  }

  unclaim(ctx: ServiceContext, id: string, version: number): Promise<ProcessTask> {
    return this.changeClaim(ctx, id, version, false);
  }

  /** Completes the task and runs its instance on to the next wait, in one transaction. */
  complete(ctx: ServiceContext, id: string, variables: Record<string, unknown>): Promise<TaskRow> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await requireActor(em, ctx);
      const instance = isUuid(id) ? await lockInstanceOfTask(em, id) : null;
      if (!instance) throw notFound('Task', id);
      // Read after the lock: another step of this instance may just have completed or cut off the task.
      const openTasks = await tasksOf(em, instance.id, id);
      const task = openTasks.find((t) => t.id === id);
      if (!task) throw notFound('Task', id);
      if (task.status !== TaskStatus.OPEN)
        throw new DomainError(ErrorCode.CONFLICT, `Task ${task.name ?? task.elementId} is already ${task.status.toLowerCase()}`);
      mayWorkOn(actor, task);
      if (task.assignee && task.assignee.id !== actor.id) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          `Task ${task.name ?? task.elementId} is claimed by someone else; they may complete it or unclaim it`,
        );
      }
      validateTaskVariables(task.formFields, variables);
      if (instance.status !== InstanceStatus.WAITING)
        throw new DomainError(ErrorCode.CONFLICT, `Its process instance is ${instance.status.toLowerCase()}`);
      const checked = {
        processKey: instance.processKey,
        elementId: task.elementId,
        ticketId: instance.ticketId ?? null,
        instanceId: instance.id,
      };
      await this.formCheck(em, checked, variables);
      for (const field of task.formFields) {
        const completion = this.fieldCompletions.get(field.type);
        const value = variables[field.id];
        if (completion && value !== undefined && value !== null)
          await completion(em, { ctx, actor, task: checked, fieldId: field.id, value });
      }
      await this.stepper.advance(
        em,
        instance,
        await this.runner.definitionOf(em, instance.definition.id),
        { kind: 'signal', elementId: task.elementId, output: variables },
        actor,
        events,
        { openTasks, completing: task },
      );
      return task;
    });
  }

  /**
   * A supervisor of the task's department, or an administrator, gives a task to someone who may
   * work on it, or releases it (`userId` null): the way out when the assignee is away. The task
   * records who did it and when.
   */
  assign(ctx: ServiceContext, id: string, version: number, userId: string | null): Promise<ProcessTask> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await requireActor(em, ctx);
      const task = await openTaskAt(em, id, version);
      const supervisesIt =
        actor.roles.includes('SUPERVISOR') && !!task.candidateDepartment && task.candidateDepartment === actor.departmentCode;
      if (!actor.roles.includes('ADMIN') && !supervisesIt) {
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          `Only a supervisor of ${task.candidateDepartment ? `department ${task.candidateDepartment}` : "the task's department"} or an administrator may assign task ${task.name ?? task.elementId}`,
        );
      }
      let assignee: StepActor | null = null;
      if (userId) {
        checkId('userId', userId);
        assignee = await activeStaffById(em, userId);
        if (!assignee) throw badInput('userId', `No active user with id ${userId}`);
        try {
          mayWorkOn(assignee, task);
        } catch (err) {
          throw badInput('userId', (err as Error).message.replace(/^Only/, 'The task goes to'));
        }
      }
      task.assignee = assignee ? em.getReference(User, assignee.id, { wrapped: true }) : null;
      task.assignedBy = em.getReference(User, actor.id, { wrapped: true });
      task.assignedAt = this.clock.now();
      await em.flush();
      events.push(taskChanged(task, assignee ? 'ASSIGNED' : 'RELEASED', this.clock.now()));
      return task;
    });
  }

  private changeClaim(ctx: ServiceContext, id: string, version: number, claim: boolean): Promise<ProcessTask> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await requireActor(em, ctx);
      const task = await openTaskAt(em, id, version);
      mayWorkOn(actor, task);
      if (claim && task.assignee && task.assignee.id !== actor.id)
        throw new DomainError(ErrorCode.CONFLICT, 'The task is claimed by someone else');
      if (!claim && task.assignee?.id !== actor.id)
        throw new DomainError(ErrorCode.FORBIDDEN, 'Only the person who claimed a task can unclaim it');
      task.assignee = claim ? em.getReference(User, actor.id, { wrapped: true }) : null;
      await em.flush();
      events.push(taskChanged(task, claim ? 'CLAIMED' : 'UNCLAIMED', this.clock.now()));
      return task;
    });
  }
}

/** The task at the version the caller read, still open; otherwise NOT_FOUND or CONFLICT. */
async function openTaskAt(em: EntityManager, id: string, version: number): Promise<ProcessTask> {
  const task = await findById(em, ProcessTask, id);
  if (!task) throw notFound('Task', id);
  if (task.version !== version) throw staleVersion('Task', id, version, task.version);
  if (task.status !== TaskStatus.OPEN)
    throw new DomainError(ErrorCode.CONFLICT, `Task ${task.name ?? task.elementId} is ${task.status.toLowerCase()}`);
  return task;
}

const taskChanged = (task: ProcessTask, change: TaskChange, at: Date): TaskChangedEvent =>
  new TaskChangedEvent(task.id, change, task.candidateDepartment ?? null, task.candidateRole ?? null, task.assignee?.id ?? null, at);

async function requireActor(em: EntityManager, ctx: ServiceContext): Promise<StepActor> {
  const actor = await stepActor(em, ctx);
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Say who you are to work on tasks');
  return actor;
}

/** Only the task's candidate department or role may take it; a task with neither is open to all staff. */
function mayWorkOn(actor: StepActor, task: Row<ProcessTask>): void {
  if (isOfferedTo(task, actor)) return;
  const who = [task.candidateRole && `role ${task.candidateRole}`, task.candidateDepartment && `department ${task.candidateDepartment}`]
    .filter(Boolean)
    .join(' in ');
  throw new DomainError(ErrorCode.FORBIDDEN, `Only ${who} may work on task ${task.name ?? task.elementId}`);
}
