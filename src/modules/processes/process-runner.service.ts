import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../db/find-by-id';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound } from '../../shared/domain-error';
import type { DomainEvent, EventBus } from '../../shared/event-bus';
import type { ServiceContext } from '../../shared/service-context';
import { actingUser } from '../history/history.service';
import { runOnce } from '../idempotency/run-once';
import type { DefinitionData, InstanceStepper } from './instance-stepper';
import { InstanceStatus, TaskStatus, TimerStatus } from './process.enums';
import { ProcessInstanceChangedEvent, TaskChangedEvent } from './process.events';
import { ProcessDefinition } from './process-definition.entity';
import { ProcessInstance } from './process-instance.entity';
import { ProcessTask } from './process-task.entity';
import { ProcessTimer } from './process-timer.entity';

/**
 * Starts, moves and stops process instances. Every step locks its instance row (FOR UPDATE), so
 * two hubs on one database never run the same step twice.
 */
export class ProcessRunnerService {
  private readonly definitions = new Map<string, DefinitionData>();

  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly stepper: InstanceStepper,
  ) {}

  start(
    ctx: ServiceContext,
    key: string,
    businessKey: string | null,
    variables: Record<string, unknown>,
    idempotencyKey?: string | null,
  ): Promise<ProcessInstance> {
    return inTransaction(ctx.em, this.bus, ({ em, events }) =>
      runOnce(em, {
        operation: 'startProcess',
        key: idempotencyKey,
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => em.findOne(ProcessInstance, { id }),
        create: () => this.startInstance(em, events, ctx, key, businessKey, variables),
      }),
    );
  }

  private async startInstance(
    em: EntityManager,
    events: DomainEvent[],
    ctx: ServiceContext,
    key: string,
    businessKey: string | null,
    variables: Record<string, unknown>,
  ): Promise<ProcessInstance> {
    const actor = await actingUser(em, ctx.actor);
    const definition = await em.findOne(ProcessDefinition, { key }, { orderBy: { version: 'desc' }, populate: ['serializedSource'] });
    if (!definition) throw notFound('ProcessDefinition', key);
    const now = this.clock.now();
    const instance = em.create(ProcessInstance, {
      id: randomUUID(),
      definition,
      processKey: key,
      definitionVersion: definition.version,
      businessKey: businessKey ?? undefined,
      status: InstanceStatus.RUNNING,
      variables,
      state: null,
      waiting: [],
      startedAt: now,
      updatedAt: now,
      startedBy: actor ?? undefined,
    });
    await em.flush();
    await this.stepper.advance(em, instance, definition, { kind: 'start' }, actor, events);
    await em.flush();
    return instance;
  }

  /** Delivers a message to the one instance of `businessKey` waiting for it. Nothing is buffered. */
  correlateMessage(ctx: ServiceContext, name: string, businessKey: string, output: Record<string, unknown>): Promise<ProcessInstance> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await actingUser(em, ctx.actor);
      const candidates = await em.find(ProcessInstance, { businessKey, status: InstanceStatus.WAITING });
      const waiting = candidates.find((i) => i.waiting.some((w) => w.message === name));
      if (!waiting) {
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          `No instance with business key ${businessKey} is waiting for message "${name}" (messages are not buffered)`,
          {
            field: 'name',
          },
        );
      }
      const instance = await this.lock(em, waiting.id);
      const definition = await this.definitionOf(em, instance);
      const messageId = definition.messages[name];
      if (instance.status !== InstanceStatus.WAITING || !instance.waiting.some((w) => w.message === name)) {
        throw new DomainError(ErrorCode.CONFLICT, `Instance ${instance.id} stopped waiting for "${name}" meanwhile`);
      }
      await this.stepper.advance(em, instance, definition, { kind: 'message', messageId, output }, actor, events);
      await em.flush();
      return instance;
    });
  }

  /** Tries the failed step again, on the state saved before it. */
  retryIncident(ctx: ServiceContext, instanceId: string): Promise<ProcessInstance> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await actingUser(em, ctx.actor);
      const instance = await this.lock(em, instanceId);
      const command = instance.incidentData?.command;
      if (instance.status !== InstanceStatus.INCIDENT || !command) {
        throw new DomainError(ErrorCode.CONFLICT, `Instance ${instanceId} has no incident (it is ${instance.status})`);
      }
      await this.stepper.advance(em, instance, await this.definitionOf(em, instance), command, actor, events);
      await em.flush();
      return instance;
    });
  }

  cancel(ctx: ServiceContext, instanceId: string, reason: string): Promise<ProcessInstance> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const instance = await this.lock(em, instanceId);
      if ([InstanceStatus.COMPLETED, InstanceStatus.CANCELLED].includes(instance.status)) {
        throw new DomainError(ErrorCode.CONFLICT, `Instance ${instanceId} is already ${instance.status.toLowerCase()}`);
      }
      const now = this.clock.now();
      instance.status = InstanceStatus.CANCELLED;
      instance.cancelReason = reason;
      instance.endedAt = now;
      instance.updatedAt = now;
      instance.waiting = [];
      for (const task of await em.find(ProcessTask, { instance: instance.id, status: TaskStatus.OPEN })) {
        task.status = TaskStatus.CANCELLED;
        task.completedAt = now;
        events.push(
          new TaskChangedEvent(
            task.id,
            'CANCELLED',
            task.candidateDepartment ?? null,
            task.candidateRole ?? null,
            task.assignee?.id ?? null,
            now,
          ),
        );
      }
      for (const timer of await em.find(ProcessTimer, { instance: instance.id, status: TimerStatus.PENDING }))
        timer.status = TimerStatus.CANCELLED;
      events.push(new ProcessInstanceChangedEvent(instance.id, instance.processKey, instance.status, instance.businessKey ?? null, now));
      await em.flush();
      return instance;
    });
  }

  /**
   * Moves waiting instances to another version. Allowed only when every element they wait on
   * exists in the target; otherwise refused, naming the missing ids, and nothing moves.
   */
  migrate(ctx: ServiceContext, key: string, fromVersion: number, toVersion: number): Promise<ProcessInstance[]> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const target = await em.findOne(ProcessDefinition, { key, version: toVersion });
      if (!target) throw badInput('toVersion', `${key} has no version ${toVersion}`);
      const instances = await em.find(
        ProcessInstance,
        { processKey: key, definitionVersion: fromVersion, status: InstanceStatus.WAITING },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const targetIds = new Set(target.elements.map((e) => e.id));
      const missing = [...new Set(instances.flatMap((i) => i.waiting.map((w) => w.elementId)).filter((id) => !targetIds.has(id)))].sort();
      if (missing.length > 0) {
        throw badInput('toVersion', `Version ${toVersion} of ${key} lacks elements that instances wait on: ${missing.join(', ')}`, {
          missing,
        });
      }
      const now = this.clock.now();
      for (const instance of instances) {
        instance.definition = em.getReference(ProcessDefinition, target.id, { wrapped: true });
        instance.definitionVersion = toVersion;
        instance.updatedAt = now;
        events.push(new ProcessInstanceChangedEvent(instance.id, key, instance.status, instance.businessKey ?? null, now));
      }
      await em.flush();
      return instances;
    });
  }

  /** Locks the instance row for the rest of the transaction (one step at a time, across hubs). */
  async lock(em: EntityManager, id: string): Promise<ProcessInstance> {
    const found = isUuid(id)
      ? await em.findOne(ProcessInstance, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['state'] })
      : null;
    if (!found) throw notFound('ProcessInstance', id);
    return found;
  }

  /** Deployed versions never change, so their diagrams are read once per hub. */
  async definitionOf(em: EntityManager, instance: ProcessInstance): Promise<DefinitionData> {
    const id = instance.definition.id;
    let cached = this.definitions.get(id);
    if (!cached) {
      const found = await em.findOneOrFail(ProcessDefinition, { id }, { populate: ['serializedSource'] });
      cached = { id, serializedSource: found.serializedSource, elements: found.elements, messages: found.messages };
      this.definitions.set(id, cached);
    }
    return cached;
  }
}
