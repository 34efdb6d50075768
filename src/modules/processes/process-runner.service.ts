import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../db/find-by-id';
import { execSql } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, notFound } from '../../shared/domain-error';
import type { DomainEvent, EventBus } from '../../shared/event-bus';
import { type ServiceContext, systemActor } from '../../shared/service-context';
import { runOnce } from '../idempotency/run-once';
import { CallActivities, type CallHooks, type CallLink, type CallRunner } from './call-activities';
import { closeTask, closeTimer, type DefinitionData, type InstanceStepper } from './instance-stepper';
import {
  type InstanceRow,
  insertInstance,
  instanceById,
  lockInstance,
  noChanges,
  pendingTimers,
  tasksOf,
  writeStep,
} from './instance-store';
import { InstanceStatus } from './process.enums';
import { ProcessInstanceChangedEvent } from './process.events';
import { type DiagramElement, ProcessDefinition } from './process-definition.entity';
import { ProcessInstance, type WaitingActivity } from './process-instance.entity';
import { type StepActor, stepActor } from './step-actor';

/**
 * Starts, moves and stops process instances. Every step locks its instance row (FOR UPDATE), so
 * two hubs on one database never run the same step twice.
 */
export class ProcessRunnerService implements CallRunner {
  private readonly definitions = new Map<string, DefinitionData>();
  /** call activities; the procedure layer replaces its hooks for procedures that open tickets */
  readonly calls: CallActivities;

  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly stepper: InstanceStepper,
  ) {
    this.calls = new CallActivities(this, this.plainCalls());
    stepper.calls = this.calls;
  }

  /** A called diagram runs as a plain instance on the caller's variables and answers with its own. */
  plainCalls(): CallHooks {
    return {
      start: async (em, events, { parent, wait }) => {
        const link = { parentInstanceId: parent.id, executionId: wait.executionId, elementId: wait.elementId };
        const ctx = { em, actor: systemActor };
        await this.startInstance(em, events, ctx, wait.calledElement, parent.businessKey ?? null, { ...parent.variables }, null, link);
      },
      answer: (child) => ({ ...child.variables }),
      cancelled: async () => undefined,
    };
  }

  /** A called instance completed: its caller's call activity completes with its answer, when the caller still waits there. */
  async answerCall(
    em: EntityManager,
    events: DomainEvent[],
    link: CallLink,
    output: Record<string, unknown>,
    actor: StepActor | null,
  ): Promise<void> {
    const parent = await this.lock(em, link.parentInstanceId);
    if (parent.status !== InstanceStatus.WAITING || !parent.waiting.some((w) => w.elementId === link.elementId)) return;
    const definition = await this.definitionOf(em, parent.definition.id);
    await this.stepper.advance(em, parent, definition, { kind: 'signal', elementId: link.elementId, output }, actor, events);
  }

  start(
    ctx: ServiceContext,
    key: string,
    businessKey: string | null,
    variables: Record<string, unknown>,
    idempotencyKey?: string | null,
  ): Promise<InstanceRow> {
    return inTransaction(ctx.em, this.bus, ({ em, events }) =>
      runOnce(em, {
        operation: 'startProcess',
        key: idempotencyKey,
        payload: { key, businessKey, variables },
        actor: ctx.actor,
        now: this.clock.now(),
        load: (id) => instanceById(em, id),
        create: () => this.startInstance(em, events, ctx, key, businessKey, variables),
      }),
    );
  }

  /**
   * Starts the latest version of `key` inside the caller's transaction, its events going out
   * with the caller's: how opening a ticket starts its procedure in the same transaction.
   */
  async startInstance(
    em: EntityManager,
    events: DomainEvent[],
    ctx: ServiceContext,
    key: string,
    businessKey: string | null,
    variables: Record<string, unknown>,
    ticketId: string | null = null,
    calledBy: CallLink | null = null,
  ): Promise<InstanceRow> {
    const actor = await stepActor(em, ctx);
    const [latest] = await execSql<{ id: string; version: number }>(
      em,
      'select id, version from process_definition where key = ? order by version desc limit 1',
      [key],
    );
    if (!latest) throw notFound('ProcessDefinition', key);
    const definition = await this.definitionOf(em, latest.id);
    const now = this.clock.now();
    const instance: InstanceRow = {
      id: randomUUID(),
      definition: { id: latest.id },
      processKey: key,
      definitionVersion: latest.version,
      businessKey: businessKey ?? undefined,
      status: InstanceStatus.RUNNING,
      variables,
      state: null,
      waiting: [],
      incidentData: null,
      ticketId,
      parentInstanceId: calledBy?.parentInstanceId ?? null,
      calledByExecutionId: calledBy?.executionId ?? null,
      calledByElementId: calledBy?.elementId ?? null,
      startedAt: now,
      endedAt: null,
      updatedAt: now,
      startedBy: actor ? { id: actor.id } : undefined,
      cancelReason: null,
      lockVersion: 1,
    };
    await insertInstance(em, instance);
    await this.stepper.advance(em, instance, definition, { kind: 'start' }, actor, events);
    return instance;
  }

  /** Delivers a message to the one instance of `businessKey` waiting for it. Nothing is buffered. */
  correlateMessage(ctx: ServiceContext, name: string, businessKey: string, output: Record<string, unknown>): Promise<InstanceRow> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await stepActor(em, ctx);
      const candidates = await execSql<{ id: string; waiting: WaitingActivity[] }>(
        em,
        'select id, waiting from process_instance where business_key = ? and status = ?',
        [businessKey, InstanceStatus.WAITING],
      );
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
      const definition = await this.definitionOf(em, instance.definition.id);
      const messageId = definition.messages[name];
      if (instance.status !== InstanceStatus.WAITING || !instance.waiting.some((w) => w.message === name)) {
        throw new DomainError(ErrorCode.CONFLICT, `Instance ${instance.id} stopped waiting for "${name}" meanwhile`);
      }
      await this.stepper.advance(em, instance, definition, { kind: 'message', messageId, output }, actor, events);
      return instance;
    });
  }

  /**
   * Delivers message `name` to one instance inside the caller's transaction, when it waits for it
   * (a report submitted on the ticket its procedure works on); answers whether it did.
   */
  async deliverMessage(
    em: EntityManager,
    events: DomainEvent[],
    ctx: ServiceContext,
    instanceId: string,
    name: string,
    output: Record<string, unknown>,
  ): Promise<boolean> {
    const instance = await this.lock(em, instanceId);
    if (instance.status !== InstanceStatus.WAITING || !instance.waiting.some((w) => w.message === name)) return false;
    const definition = await this.definitionOf(em, instance.definition.id);
    const actor = await stepActor(em, ctx);
    await this.stepper.advance(em, instance, definition, { kind: 'message', messageId: definition.messages[name], output }, actor, events);
    return true;
  }

  /** Tries the failed step again, on the state saved before it. */
  retryIncident(ctx: ServiceContext, instanceId: string): Promise<InstanceRow> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const actor = await stepActor(em, ctx);
      const instance = await this.lock(em, instanceId);
      const command = instance.incidentData?.command;
      if (instance.status !== InstanceStatus.INCIDENT || !command) {
        throw new DomainError(ErrorCode.CONFLICT, `Instance ${instanceId} has no incident (it is ${instance.status})`);
      }
      await this.stepper.advance(em, instance, await this.definitionOf(em, instance.definition.id), command, actor, events);
      return instance;
    });
  }

  cancel(ctx: ServiceContext, instanceId: string, reason: string): Promise<InstanceRow> {
    return inTransaction(ctx.em, this.bus, ({ em, events }) => this.cancelInstance(em, events, instanceId, reason));
  }

  /**
   * Cancels inside the caller's transaction (a ticket cancelled while its procedure runs). An
   * instance whose caller waits for it at a call activity is cancelled only with its caller
   * (`byCaller`): alone, it would leave the caller waiting for an answer that never comes.
   */
  async cancelInstance(
    em: EntityManager,
    events: DomainEvent[],
    instanceId: string,
    reason: string,
    byCaller = false,
  ): Promise<InstanceRow> {
    const instance = await this.lock(em, instanceId);
    if ([InstanceStatus.COMPLETED, InstanceStatus.CANCELLED].includes(instance.status)) {
      throw new DomainError(ErrorCode.CONFLICT, `Instance ${instanceId} is already ${instance.status.toLowerCase()}`);
    }
    if (!byCaller) await refuseWhileCallerWaits(em, instance);
    const now = this.clock.now();
    instance.status = InstanceStatus.CANCELLED;
    instance.cancelReason = reason;
    instance.endedAt = now;
    instance.updatedAt = now;
    instance.waiting = [];
    const closedTasks = (await tasksOf(em, instance.id, null)).map((task) => closeTask(task, null, now, events));
    const closedTimers = (await pendingTimers(em, instance.id)).map((timer) => closeTimer(timer, false, now));
    await writeStep(em, { ...noChanges(instance), stateChanged: true, closedTasks, closedTimers });
    this.stepper.forgetEngine(instance.id);
    events.push(new ProcessInstanceChangedEvent(instance.id, instance.processKey, instance.status, instance.businessKey ?? null, now));
    // What it called stops with it.
    await this.calls.cancelChildren(em, events, instance.id, `${instance.processKey} was cancelled: ${reason}`);
    return instance;
  }

  /**
   * Moves waiting instances, and instances stopped in an incident, to another version. Allowed
   * only when every element they wait on (or failed at) exists in the target; otherwise refused,
   * naming the missing ids, and nothing moves. An incident moved to a fixed version is then
   * retried there with `retryIncident`.
   */
  migrate(ctx: ServiceContext, key: string, fromVersion: number, toVersion: number): Promise<ProcessInstance[]> {
    return inTransaction(ctx.em, this.bus, async ({ em, events }) => {
      const target = await em.findOne(ProcessDefinition, { key, version: toVersion });
      if (!target) throw badInput('toVersion', `${key} has no version ${toVersion}`);
      const instances = await em.find(
        ProcessInstance,
        { processKey: key, definitionVersion: fromVersion, status: { $in: [InstanceStatus.WAITING, InstanceStatus.INCIDENT] } },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const targetIds = new Set(target.elements.map((e) => e.id));
      const needed = (i: ProcessInstance) => [
        ...i.waiting.map((w) => w.elementId),
        ...(i.incidentData?.elementId ? [i.incidentData.elementId] : []),
      ];
      const missing = [...new Set(instances.flatMap(needed).filter((id) => !targetIds.has(id)))].sort();
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
  async lock(em: EntityManager, id: string): Promise<InstanceRow> {
    const found = isUuid(id) ? await lockInstance(em, id) : null;
    if (!found) throw notFound('ProcessInstance', id);
    return found;
  }

  /** Deployed versions never change, so their diagrams are read once per hub. */
  async definitionOf(em: EntityManager, id: string): Promise<DefinitionData> {
    let cached = this.definitions.get(id);
    if (!cached) {
      const [found] = await execSql<{ serialized_source: string; elements: DiagramElement[]; messages: Record<string, string> }>(
        em,
        'select serialized_source, elements, messages from process_definition where id = ?',
        [id],
      );
      if (!found) throw notFound('ProcessDefinition', id);
      cached = { id, serializedSource: found.serialized_source, elements: found.elements, messages: found.messages };
      this.definitions.set(id, cached);
    }
    return cached;
  }
}

/** CONFLICT when the instance's caller waits for it at a call activity, naming the caller to cancel instead. */
async function refuseWhileCallerWaits(em: EntityManager, instance: InstanceRow): Promise<void> {
  const { parentInstanceId, calledByElementId } = instance;
  if (!parentInstanceId || !calledByElementId) return;
  const [caller] = await execSql<{ id: string; process_key: string; business_key: string | null; waiting: WaitingActivity[] }>(
    em,
    'select id, process_key, business_key, waiting from process_instance where id = ? and status = any(?::text[])',
    [parentInstanceId, `{${[InstanceStatus.RUNNING, InstanceStatus.WAITING, InstanceStatus.INCIDENT].join(',')}}`],
  );
  if (!caller?.waiting.some((w) => w.elementId === calledByElementId && w.type === 'bpmn:CallActivity')) return;
  const where = caller.business_key ? ` on ${caller.business_key}` : '';
  throw new DomainError(
    ErrorCode.CONFLICT,
    `${instance.processKey} answers the call of ${caller.process_key}${where} (${calledByElementId}), which waits for it: complete it, or cancel ${caller.business_key ?? caller.id} instead`,
    { callerInstanceId: caller.id, callerBusinessKey: caller.business_key },
  );
}
