import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { afterCommit, collectingEvents } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import type { DomainEvent } from '../../shared/event-bus';
import { Role } from '../org/role.enum';
import { type CallActivities, waitedOnCall } from './call-activities';
import { type EngineCache, estimatedEngineBytes } from './engine/engine-cache';
import { hubTimerOf, type TimerDeadlines } from './engine/hub-timer';
import type { TimerRow, WaitRow } from './engine/postponed';
import { type ActivityEvent, type EngineExecution, runStep, type StepResult } from './engine/run-step';
import type { EngineServiceHandler, ServiceRegistry } from './engine/service-registry';
import type { EngineLimits } from './engine/step-guard';
import {
  type InstanceRow,
  type NewActivity,
  noChanges,
  pendingTimers,
  type StepWrite,
  type TaskRow,
  type TimerRecord,
  tasksOf,
  writeStep,
} from './instance-store';
import { InstanceStatus, TaskStatus, TimerStatus } from './process.enums';
import { ProcessInstanceChangedEvent, TaskChangedEvent } from './process.events';
import type { DiagramElement } from './process-definition.entity';
import type { StepCommand } from './process-instance.entity';
import type { StepActor } from './step-actor';
import { boundaryDue, dateOf, TIMER_WAIT, USER_TASK, waitingList } from './step-waits';

/** What a step needs of its definition; immutable once deployed, so it can be cached. */
export interface DefinitionData {
  id: string;
  serializedSource: string;
  elements: DiagramElement[];
  messages: Record<string, string>;
}

export interface StepperOptions {
  clock: Clock;
  services: ServiceRegistry;
  retryDelaysMs: readonly number[];
  limits: EngineLimits;
  /** told of every step of an instance that works on a ticket, inside the step's transaction */
  follower?: StepFollower;
  /** due times of timers written in the hub's syntax ("3 working days", "resolution deadline") */
  timerDeadlines?: TimerDeadlines;
  /** settled engines kept between steps; without it every step recovers its engine from the saved state */
  engines?: EngineCache;
}

/** What a step did, for the procedure layer (a ticket's status follows its procedure). */
export interface FollowedStep {
  instance: InstanceRow;
  activities: readonly ActivityEvent[];
  actor: StepActor | null;
  events: DomainEvent[];
}

export type StepFollower = (em: EntityManager, step: FollowedStep) => Promise<void>;

const actionFor = (command: StepCommand): ((execution: EngineExecution) => void) | undefined => {
  switch (command.kind) {
    case 'start':
      return undefined;
    case 'signal':
      return (execution) => execution.signal({ ...command.output, id: command.elementId });
    case 'timer':
      return (execution) => execution.cancelActivity({ id: command.elementId });
    case 'message':
      return (execution) => execution.signal({ ...command.output, id: command.messageId });
  }
};

/** What the caller already holds of a step, read after it locked the instance. */
export interface StepContext {
  /** the instance's open tasks; read here when absent and the instance waited on some */
  openTasks?: TaskRow[];
  /** the task a person completes: recorded as completed even if the step fails (retry replays it) */
  completing?: TaskRow;
  /** the timer that fell due: recorded as fired even if the step fails */
  firing?: TimerRecord;
}

/**
 * Applies one command to one instance whose row the caller has locked, and writes everything the
 * step changed (state, variables, tasks, timers, activity history) in one statement of the
 * caller's transaction. The rows passed in are updated to match what was written, except the
 * instance's engine state, which the step consumes (the new one is only in the database).
 */
export class InstanceStepper {
  private departments: Set<string> | null = null;
  /** call activities: set by the runner, which starts and answers called instances */
  calls: CallActivities | null = null;

  constructor(private readonly options: StepperOptions) {}

  /** Drops the engine kept for an instance that will not step again. */
  forgetEngine(instanceId: string): void {
    this.options.engines?.forget(instanceId);
  }

  private timerDeadlines(): TimerDeadlines {
    const deadlines = this.options.timerDeadlines;
    if (!deadlines) throw new Error('this hub counts no working time: its timers must be ISO 8601');
    return deadlines;
  }

  /**
   * A registered handler, given the step's transaction (a savepoint per try), the instance's ticket
   * and an event list: what a try announces joins the step's events only when the try succeeds.
   */
  private handlerFor(em: EntityManager, instance: InstanceRow, name: string, events: DomainEvent[]): EngineServiceHandler | undefined {
    const handler = this.options.services.get(name);
    if (!handler) return undefined;
    return async (call) => {
      const announced: DomainEvent[] = [];
      const result = await collectingEvents(announced, () =>
        em.transactional((savepoint) => handler({ ...call, em: savepoint, ticketId: instance.ticketId ?? null, events: announced })),
      );
      events.push(...announced);
      return result;
    };
  }

  async advance(
    em: EntityManager,
    instance: InstanceRow,
    definition: DefinitionData,
    command: StepCommand,
    actor: StepActor | null,
    events: DomainEvent[],
    context: StepContext = {},
  ): Promise<StepWrite> {
    const now = this.options.clock.now();
    const waitedOnCallBefore = waitedOnCall(instance.waiting);
    const starting = command.kind === 'start';
    const live = starting ? null : (this.options.engines?.take(instance.id, instance.lockVersion, definition.id) ?? null);
    const result = await runStep({
      instanceId: instance.id,
      businessKey: instance.businessKey ?? null,
      serializedSource: definition.serializedSource,
      state: starting ? null : instance.state,
      live,
      variables: instance.variables,
      services: (name) => this.handlerFor(em, instance, name, events),
      retryDelaysMs: this.options.retryDelaysMs,
      action: actionFor(command),
      limits: this.options.limits,
    });
    const write: StepWrite = {
      ...noChanges(instance),
      state: result.outcome === 'failed' ? null : result.state,
      stateChanged: result.outcome !== 'failed',
    };
    instance.updatedAt = now;
    if (result.outcome === 'failed') {
      // Keep the last good state: retryIncident replays the same command on it.
      instance.status = InstanceStatus.INCIDENT;
      instance.incidentData = {
        message: result.error?.message ?? 'the step failed',
        elementId: result.error?.elementId ?? null,
        attempts: (instance.incidentData?.attempts ?? 0) + 1,
        at: now.toISOString(),
        command,
      };
      // The person's work happened all the same.
      if (context.completing?.status === TaskStatus.OPEN)
        write.closedTasks.push(closeTask(context.completing, { actor, command }, now, events));
    } else {
      // Task and timer rows exist only for what the instance waited on before this step.
      const waitedOnTasks = instance.waiting.some((w) => w.type === USER_TASK);
      const waitedOnTimers = instance.waiting.some((w) => w.type === TIMER_WAIT);
      instance.variables = result.variables;
      instance.incidentData = null;
      instance.waiting = waitingList(result, definition);
      instance.status = result.outcome === 'completed' ? InstanceStatus.COMPLETED : InstanceStatus.WAITING;
      if (result.outcome === 'completed') instance.endedAt = now;
      this.recordActivities(write, result, command, actor, now);
      const pending = waitedOnTimers ? await pendingTimers(em, instance.id) : [];
      const timerDue = await this.syncTimers(em, write, pending, result.timers, command, now, instance.ticketId ?? null);
      const open = context.openTasks ?? (waitedOnTasks ? await tasksOf(em, instance.id, null) : []);
      await this.syncTasks(em, write, open, definition, result.waits, command, actor, now, timerDue, events);
    }
    // The timer fired, whatever the step made of it (failed, or the engine still holds it armed):
    // a row left pending would fire again at once.
    const { firing } = context;
    if (firing?.status === TimerStatus.PENDING && !write.closedTimers.some((t) => t.id === firing.id)) {
      write.closedTimers.push(closeTimer(firing, true, now));
    }
    await writeStep(em, write);
    const { engines } = this.options;
    if (engines && result.live) {
      const kept = { version: instance.lockVersion, engine: result.live };
      const bytes = estimatedEngineBytes(definition.elements.length);
      afterCommit(() => engines.keep(instance.id, kept.version, definition.id, kept.engine, bytes));
    }
    if (instance.ticketId && this.options.follower && result.outcome !== 'failed') {
      await this.options.follower(em, { instance, activities: result.activities, actor, events });
    }
    events.push(new ProcessInstanceChangedEvent(instance.id, instance.processKey, instance.status, instance.businessKey ?? null, now));
    if (this.calls && result.outcome !== 'failed')
      await this.calls.afterStep(em, events, instance, result.waits, waitedOnCallBefore, actor);
    return write;
  }

  /** Open task rows follow the user tasks waiting now; a task that stopped waiting was completed or cut off. */
  private async syncTasks(
    em: EntityManager,
    write: StepWrite,
    open: readonly TaskRow[],
    definition: DefinitionData,
    waits: WaitRow[],
    command: StepCommand,
    actor: StepActor | null,
    now: Date,
    timerDue: Map<string, Date>,
    events: DomainEvent[],
  ): Promise<void> {
    const waitingIds = new Set(waits.map((w) => w.executionId));
    const stillOpen = open.filter((task) => task.status === TaskStatus.OPEN);
    for (const task of stillOpen) {
      if (waitingIds.has(task.executionId)) continue;
      const completed = command.kind === 'signal' && command.elementId === task.elementId;
      write.closedTasks.push(closeTask(task, completed ? { actor, command } : null, now, events));
    }
    const known = new Set(stillOpen.map((t) => t.executionId));
    const fresh = waits.filter((w) => w.type === USER_TASK && !known.has(w.executionId));
    if (fresh.length === 0) return;
    const roles = new Set<string>(Object.values(Role));
    const groupsOf = (wait: WaitRow) => [...wait.candidateGroups, ...(wait.lane ? [wait.lane] : [])];
    // Department codes are read once and again only when a diagram names one not seen yet.
    if (!this.departments || fresh.flatMap(groupsOf).some((g) => !roles.has(g) && !this.departments?.has(g))) {
      this.departments = new Set((await execSql<{ code: string }>(em, 'select code from department', [])).map((d) => d.code));
    }
    const departments = this.departments;
    for (const wait of fresh) {
      const groups = groupsOf(wait);
      const task: TaskRow = {
        id: randomUUID(),
        instance: { id: write.instance.id },
        elementId: wait.elementId,
        executionId: wait.executionId,
        name: wait.name ?? undefined,
        status: TaskStatus.OPEN,
        candidateDepartment: groups.find((g) => departments.has(g)) ?? null,
        candidateRole: groups.find((g) => roles.has(g)) ?? null,
        assignee: null,
        formFields: wait.formFields,
        dueAt: boundaryDue(definition, wait.elementId, timerDue),
        createdAt: now,
        completedAt: null,
        completedBy: null,
        output: null,
        overdueNotifiedAt: null,
        version: 1,
      };
      write.newTasks.push(task);
      events.push(new TaskChangedEvent(task.id, 'CREATED', task.candidateDepartment ?? null, task.candidateRole ?? null, null, now));
    }
  }

  /** Timer rows follow the timers armed now; due times come from the hub's clock, not the engine's. */
  private async syncTimers(
    em: EntityManager,
    write: StepWrite,
    pending: readonly TimerRecord[],
    timers: TimerRow[],
    command: StepCommand,
    now: Date,
    ticketId: string | null,
  ): Promise<Map<string, Date>> {
    const due = new Map<string, Date>();
    const armed = new Set(timers.map((t) => t.executionId));
    for (const timer of pending) {
      if (armed.has(timer.executionId)) due.set(timer.elementId, timer.dueAt);
      else write.closedTimers.push(closeTimer(timer, command.kind === 'timer' && command.elementId === timer.elementId, now));
    }
    const known = new Set(pending.map((t) => t.executionId));
    for (const timer of timers) {
      if (known.has(timer.executionId)) continue;
      const hub = hubTimerOf(timer.value);
      const dueAt = hub
        ? await this.timerDeadlines().dueAt(em, hub, { now, ticketId })
        : timer.timerType === 'timeDate'
          ? dateOf(timer.value, timer.expireAt)
          : timer.timeoutMs === null
            ? timer.expireAt
            : new Date(now.getTime() + timer.timeoutMs);
      write.newTimers.push({
        id: randomUUID(),
        instance: { id: write.instance.id },
        elementId: timer.elementId,
        executionId: timer.executionId,
        dueAt,
        status: TimerStatus.PENDING,
        firedAt: null,
        follows: hub?.kind === 'deadline' && timer.value ? timer.value.trim().replace(/\s+/g, ' ') : null,
      });
      due.set(timer.elementId, dueAt);
    }
    return due;
  }

  /** Activities entered in this step are inserted; those entered earlier and left now are closed. */
  private recordActivities(write: StepWrite, result: StepResult, command: StepCommand, actor: StepActor | null, now: Date): void {
    const completedBy = (elementId: string) =>
      command.kind === 'signal' && command.elementId === elementId && actor !== null ? actor.id : null;
    const entered = new Map<string, NewActivity>();
    for (const a of result.activities) {
      if (a.event !== 'enter') continue;
      const record = { elementId: a.elementId, executionId: a.executionId, type: a.type, name: a.name, leftAt: null, completedById: null };
      entered.set(a.executionId, record);
      write.newActivities.push(record);
    }
    for (const a of result.activities) {
      if (a.event !== 'leave') continue;
      const record = entered.get(a.executionId);
      if (record) {
        record.leftAt = now;
        record.completedById = completedBy(a.elementId);
      } else {
        write.leftActivities.push({ executionId: a.executionId, completedById: completedBy(a.elementId) });
      }
    }
  }
}

/**
 * Marks a task completed (by the actor, with the command's output) or, without `completion`,
 * cancelled; its version goes up and the change is announced.
 */
export function closeTask(
  task: TaskRow,
  completion: { actor: StepActor | null; command: StepCommand } | null,
  now: Date,
  events: DomainEvent[],
): TaskRow {
  task.status = completion ? TaskStatus.COMPLETED : TaskStatus.CANCELLED;
  task.completedAt = now;
  if (completion) {
    task.completedBy = completion.actor ? { id: completion.actor.id } : null;
    task.output = completion.command.kind === 'signal' ? completion.command.output : null;
  }
  task.version += 1;
  events.push(
    new TaskChangedEvent(
      task.id,
      completion ? 'COMPLETED' : 'CANCELLED',
      task.candidateDepartment ?? null,
      task.candidateRole ?? null,
      task.assignee?.id ?? null,
      now,
    ),
  );
  return task;
}

/** Marks a timer fired or cancelled. */
export function closeTimer(timer: TimerRecord, fired: boolean, now: Date): TimerRecord {
  timer.status = fired ? TimerStatus.FIRED : TimerStatus.CANCELLED;
  timer.firedAt = fired ? now : null;
  return timer;
}
