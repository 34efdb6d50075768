import { randomUUID } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import type { DomainEvent } from '../../shared/event-bus';
import { Department } from '../org/department.entity';
import { Role } from '../org/role.enum';
import type { User } from '../org/user.entity';
import { ActivityRecord } from './activity-record.entity';
import type { TimerRow, WaitRow } from './engine/postponed';
import { type EngineExecution, type EngineState, runStep, type StepResult } from './engine/run-step';
import type { ServiceRegistry } from './engine/service-registry';
import { InstanceStatus, TaskStatus, TimerStatus } from './process.enums';
import { ProcessInstanceChangedEvent, TaskChangedEvent } from './process.events';
import type { DiagramElement } from './process-definition.entity';
import type { ProcessInstance, StepCommand, WaitingActivity } from './process-instance.entity';
import { ProcessTask } from './process-task.entity';
import { ProcessTimer } from './process-timer.entity';

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
}

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

/**
 * Applies one command to one instance whose row the caller has locked, and writes everything the
 * step changed (state, variables, tasks, timers, activity history) in the caller's transaction.
 */
export class InstanceStepper {
  private departments: Set<string> | null = null;

  constructor(private readonly options: StepperOptions) {}

  async advance(
    em: EntityManager,
    instance: ProcessInstance,
    definition: DefinitionData,
    command: StepCommand,
    actor: User | null,
    events: DomainEvent[],
  ): Promise<void> {
    const now = this.options.clock.now();
    const result = await runStep({
      instanceId: instance.id,
      businessKey: instance.businessKey ?? null,
      serializedSource: definition.serializedSource,
      state: command.kind === 'start' ? null : ((instance.state ?? null) as EngineState | null),
      variables: instance.variables,
      services: (name) => this.options.services.get(name),
      retryDelaysMs: this.options.retryDelaysMs,
      action: actionFor(command),
    });
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
    } else {
      instance.state = result.state;
      instance.variables = result.variables;
      instance.incidentData = null;
      // Task and timer rows exist only for what the instance waited on before this step.
      const waitedOnTasks = instance.waiting.some((w) => w.type === USER_TASK);
      const waitedOnTimers = instance.waiting.some((w) => w.type === TIMER_WAIT);
      instance.waiting = waitingList(result, definition);
      instance.status = result.outcome === 'completed' ? InstanceStatus.COMPLETED : InstanceStatus.WAITING;
      if (result.outcome === 'completed') instance.endedAt = now;
      await this.recordActivities(em, instance, result, command, actor, now);
      const timerDue = await this.syncTimers(em, instance, result.timers, command, now, waitedOnTimers);
      await this.syncTasks(em, instance, definition, result.waits, command, actor, now, timerDue, events, waitedOnTasks);
    }
    events.push(new ProcessInstanceChangedEvent(instance.id, instance.processKey, instance.status, instance.businessKey ?? null, now));
  }

  /** Open task rows follow the user tasks waiting now; a task that stopped waiting was completed or cut off. */
  private async syncTasks(
    em: EntityManager,
    instance: ProcessInstance,
    definition: DefinitionData,
    waits: WaitRow[],
    command: StepCommand,
    actor: User | null,
    now: Date,
    timerDue: Map<string, Date>,
    events: DomainEvent[],
    waitedOnTasks: boolean,
  ): Promise<void> {
    const open = waitedOnTasks ? await em.find(ProcessTask, { instance: instance.id, status: TaskStatus.OPEN }) : [];
    const waitingIds = new Set(waits.map((w) => w.executionId));
    for (const task of open) {
      if (waitingIds.has(task.executionId)) continue;
      const completed = command.kind === 'signal' && command.elementId === task.elementId;
      task.status = completed ? TaskStatus.COMPLETED : TaskStatus.CANCELLED;
      task.completedAt = now;
      if (completed) {
        task.completedBy = actor ? ref(actor) : null;
        task.output = command.output;
      }
      events.push(
        new TaskChangedEvent(
          task.id,
          completed ? 'COMPLETED' : 'CANCELLED',
          task.candidateDepartment ?? null,
          task.candidateRole ?? null,
          task.assignee?.id ?? null,
          now,
        ),
      );
    }
    const known = new Set(open.map((t) => t.executionId));
    const fresh = waits.filter((w) => w.type === USER_TASK && !known.has(w.executionId));
    if (fresh.length === 0) return;
    const roles = new Set<string>(Object.values(Role));
    const groups = fresh.flatMap((w) => [...w.candidateGroups, ...(w.lane ? [w.lane] : [])]);
    // Department codes are read once and again only when a diagram names one not seen yet.
    if (!this.departments || groups.some((g) => !roles.has(g) && !this.departments?.has(g))) {
      this.departments = new Set((await em.find(Department, {})).map((d) => d.code));
    }
    const departments = this.departments;
    for (const wait of fresh) {
      const groups = [...wait.candidateGroups, ...(wait.lane ? [wait.lane] : [])];
      const task = em.create(ProcessTask, {
        id: randomUUID(),
        instance,
        elementId: wait.elementId,
        executionId: wait.executionId,
        name: wait.name ?? undefined,
        status: TaskStatus.OPEN,
        candidateDepartment: groups.find((g) => departments.has(g)) ?? null,
        candidateRole: groups.find((g) => roles.has(g)) ?? null,
        formFields: wait.formFields,
        dueAt: boundaryDue(definition, wait.elementId, timerDue),
        createdAt: now,
      });
      events.push(new TaskChangedEvent(task.id, 'CREATED', task.candidateDepartment ?? null, task.candidateRole ?? null, null, now));
    }
  }

  /** Timer rows follow the timers armed now; due times come from the hub's clock, not the engine's. */
  private async syncTimers(
    em: EntityManager,
    instance: ProcessInstance,
    timers: TimerRow[],
    command: StepCommand,
    now: Date,
    waitedOnTimers: boolean,
  ): Promise<Map<string, Date>> {
    const due = new Map<string, Date>();
    const pending = waitedOnTimers ? await em.find(ProcessTimer, { instance: instance.id, status: TimerStatus.PENDING }) : [];
    const armed = new Set(timers.map((t) => t.executionId));
    for (const timer of pending) {
      if (armed.has(timer.executionId)) continue;
      const fired = command.kind === 'timer' && command.elementId === timer.elementId;
      timer.status = fired ? TimerStatus.FIRED : TimerStatus.CANCELLED;
      timer.firedAt = fired ? now : null;
    }
    for (const timer of pending) if (armed.has(timer.executionId)) due.set(timer.elementId, timer.dueAt);
    const known = new Set(pending.map((t) => t.executionId));
    for (const timer of timers) {
      if (known.has(timer.executionId)) continue;
      const dueAt = timer.timerType === 'timeDate' || timer.timeoutMs === null ? timer.expireAt : new Date(now.getTime() + timer.timeoutMs);
      em.create(ProcessTimer, {
        id: randomUUID(),
        instance,
        elementId: timer.elementId,
        executionId: timer.executionId,
        dueAt,
        status: TimerStatus.PENDING,
      });
      due.set(timer.elementId, dueAt);
    }
    return due;
  }

  private async recordActivities(
    em: EntityManager,
    instance: ProcessInstance,
    result: StepResult,
    command: StepCommand,
    actor: User | null,
    now: Date,
  ): Promise<void> {
    const entered = new Map<string, ActivityRecord>();
    for (const a of result.activities.filter((x) => x.event === 'enter')) {
      entered.set(
        a.executionId,
        em.create(ActivityRecord, {
          instance,
          elementId: a.elementId,
          executionId: a.executionId,
          type: a.type,
          name: a.name,
          enteredAt: now,
        }),
      );
    }
    const completing = (elementId: string) => command.kind === 'signal' && command.elementId === elementId && actor !== null;
    const left = result.activities.filter((x) => x.event === 'leave');
    for (const a of left) {
      const record = entered.get(a.executionId);
      if (!record) continue;
      record.leftAt = now;
      if (completing(a.elementId) && actor) record.completedBy = ref(actor);
    }
    // Activities entered in earlier steps are closed by one UPDATE each way, not read first.
    const earlier = left.filter((a) => !entered.has(a.executionId));
    for (const byActor of [true, false]) {
      const ids = earlier.filter((a) => completing(a.elementId) === byActor).map((a) => a.executionId);
      if (ids.length === 0) continue;
      await em.nativeUpdate(
        ActivityRecord,
        { instance: instance.id, executionId: { $in: ids }, leftAt: null },
        byActor && actor ? { leftAt: now, completedBy: actor.id } : { leftAt: now },
      );
    }
  }
}

const USER_TASK = 'bpmn:UserTask';
/** How a waiting timer is listed in `ProcessInstance.waiting`. */
const TIMER_WAIT = 'bpmn:TimerEventDefinition';

/** A task's due time is its earliest boundary timer, when it has one. */
function boundaryDue(definition: DefinitionData, elementId: string, timerDue: Map<string, Date>): Date | null {
  const dues = definition.elements
    .filter((e) => e.attachedTo === elementId)
    .map((e) => timerDue.get(e.id))
    .filter((d): d is Date => d !== undefined);
  return dues.length > 0 ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null;
}

function waitingList(result: StepResult, definition: DefinitionData): WaitingActivity[] {
  const messageNames = new Map(Object.entries(definition.messages).map(([name, id]) => [id, name]));
  return [
    ...result.waits.map((w) => ({
      elementId: w.elementId,
      type: w.type,
      name: w.name,
      message: w.messageRef ? (messageNames.get(w.messageRef) ?? w.messageRef) : null,
    })),
    ...result.timers.map((t) => ({
      elementId: t.elementId,
      type: TIMER_WAIT,
      name: definition.elements.find((e) => e.id === t.elementId)?.name ?? null,
      message: null,
    })),
  ];
}
