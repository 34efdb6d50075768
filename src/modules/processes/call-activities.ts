import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import type { DomainEvent } from '../../shared/event-bus';
import type { WaitRow } from './engine/postponed';
import type { InstanceRow } from './instance-store';
import { InstanceStatus } from './process.enums';
import type { StepActor } from './step-actor';

/** The call activity of a caller that a called instance answers. */
export interface CallLink {
  parentInstanceId: string;
  executionId: string;
  elementId: string;
}

/** A call activity that just began waiting: its instance, the wait, and who moved it there. */
export interface CallStart {
  parent: InstanceRow;
  wait: WaitRow & { calledElement: string };
  actor: StepActor | null;
}

/**
 * How called processes are started, answered and stopped. The runner starts a plain instance of
 * the called key; the procedure layer replaces these for procedures that work on tickets (the
 * called procedure opens its own ticket, linked to the caller's).
 */
export interface CallHooks {
  start(em: EntityManager, events: DomainEvent[], call: CallStart): Promise<void>;
  /** the variables a completed instance answers its caller's call activity with */
  answer(child: InstanceRow): Record<string, unknown>;
  /** a called instance was cancelled with its caller, or because its call was interrupted */
  cancelled(em: EntityManager, events: DomainEvent[], child: InstanceRow, reason: string): Promise<void>;
}

/** What the call machinery needs of the runner: a step on a locked instance, and cancelling one. */
export interface CallRunner {
  answerCall(
    em: EntityManager,
    events: DomainEvent[],
    link: CallLink,
    output: Record<string, unknown>,
    actor: StepActor | null,
  ): Promise<void>;
  cancelInstance(em: EntityManager, events: DomainEvent[], instanceId: string, reason: string, byCaller: boolean): Promise<InstanceRow>;
}

const CALL_ACTIVITY = 'bpmn:CallActivity';
const RUNNING = [InstanceStatus.RUNNING, InstanceStatus.WAITING, InstanceStatus.INCIDENT];

/** Whether an instance's waiting list (before a step) held a call activity. */
export const waitedOnCall = (waiting: readonly { type: string }[]): boolean => waiting.some((w) => w.type === CALL_ACTIVITY);

/**
 * Call activities as BPMN means them: the called process runs as its own instance, the caller
 * waits; when the called one completes, its answer completes the call activity; when the caller
 * is cancelled, or the call interrupted (a boundary event, the caller ending), the called one is
 * cancelled too. All inside the step's transaction.
 */
export class CallActivities {
  constructor(
    private readonly runner: CallRunner,
    public hooks: CallHooks,
  ) {}

  /**
   * After a step of `instance` was written: starts what its new call activities call, cancels
   * what its interrupted calls called, and answers its own caller when it completed. Steps with
   * no call activity before or after cost nothing here.
   */
  async afterStep(
    em: EntityManager,
    events: DomainEvent[],
    instance: InstanceRow,
    waits: readonly WaitRow[],
    waitedBefore: boolean,
    actor: StepActor | null,
  ): Promise<void> {
    const calls = waits.filter((w): w is CallStart['wait'] => w.type === CALL_ACTIVITY && w.calledElement !== null);
    if (calls.length > 0 || waitedBefore) {
      const children = await execSql<{ id: string; called_by_execution_id: string; status: InstanceStatus }>(
        em,
        'select id, called_by_execution_id, status from process_instance where parent_instance_id = ?',
        [instance.id],
      );
      const called = new Set(children.map((c) => c.called_by_execution_id));
      for (const wait of calls) if (!called.has(wait.executionId)) await this.hooks.start(em, events, { parent: instance, wait, actor });
      const waiting = new Set(calls.map((w) => w.executionId));
      for (const child of children) {
        if (!RUNNING.includes(child.status) || waiting.has(child.called_by_execution_id)) continue;
        await this.cancel(em, events, child.id, `its call in ${instance.processKey} ended`);
      }
    }
    const { parentInstanceId, calledByExecutionId, calledByElementId } = instance;
    if (instance.status === InstanceStatus.COMPLETED && parentInstanceId && calledByExecutionId && calledByElementId) {
      const link = { parentInstanceId, executionId: calledByExecutionId, elementId: calledByElementId };
      await this.runner.answerCall(em, events, link, this.hooks.answer(instance), actor);
    }
  }

  /** A cancelled instance's running callees are cancelled with it. */
  async cancelChildren(em: EntityManager, events: DomainEvent[], instanceId: string, reason: string): Promise<void> {
    const children = await execSql<{ id: string }>(
      em,
      'select id from process_instance where parent_instance_id = ? and status = any(?::text[])',
      [instanceId, `{${RUNNING.join(',')}}`],
    );
    for (const child of children) await this.cancel(em, events, child.id, reason);
  }

  private async cancel(em: EntityManager, events: DomainEvent[], childId: string, reason: string): Promise<void> {
    const child = await this.runner.cancelInstance(em, events, childId, reason, true);
    await this.hooks.cancelled(em, events, child, reason);
  }
}
