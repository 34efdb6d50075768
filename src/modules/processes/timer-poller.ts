import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import type { InstanceStepper } from './instance-stepper';
import { cancelTimer, takeDueTimer } from './instance-store';
import { InstanceStatus } from './process.enums';
import { TaskChangedEvent } from './process.events';
import type { ProcessRunnerService } from './process-runner.service';
import { ProcessTask } from './process-task.entity';

/**
 * Fires due timers and announces overdue tasks. Each timer is taken with FOR UPDATE SKIP LOCKED
 * and fired in its own transaction, so with several hubs on one database each timer fires once;
 * a timer that fell due while every hub was down fires at the next poll. A round fires at most
 * `perRound` timers and ends early when the poller is stopped: timers that keep falling due
 * (a short cycle of an old definition) cannot keep one round, or a shutdown, going for ever.
 */
export class TimerPoller {
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  /** Told of each timer fired, after its step committed (the timer-lag metric: firedAt - dueAt). */
  onFired: (fired: { elementId: string; dueAt: Date; firedAt: Date }) => void = () => undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly runner: ProcessRunnerService,
    private readonly stepper: InstanceStepper,
    private readonly perRound = 100,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.handle) return;
    this.stopping = false;
    this.handle = setInterval(() => {
      this.running = this.running.then(() => this.runOnce()).catch((err: unknown) => console.error('timer poll failed:', err));
    }, intervalMs);
    this.handle.unref();
  }

  /** Started and not stopped: readiness asks, since a hub whose poller stopped lets timers fall behind. */
  get isRunning(): boolean {
    return this.handle !== null;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.handle) clearInterval(this.handle);
    this.handle = null;
    await this.running;
  }

  /** One poll: fire what is due now (up to `perRound`), then announce tasks that became overdue. */
  async runOnce(): Promise<{ fired: number; overdue: number }> {
    let fired = 0;
    const skipped: string[] = [];
    for (let taken = 0; taken < this.perRound && !this.stopping; taken++) {
      const outcome = await this.fireNext(skipped);
      if (outcome === 'none') break;
      if (outcome === 'fired') fired++;
    }
    return { fired, overdue: await this.announceOverdue() };
  }

  /**
   * Fires the earliest due timer nobody else holds. A timer whose instance is busy, or whose step
   * fails (a claim raced it, the database hiccuped), is left for the next poll; the others still fire.
   */
  private async fireNext(skipped: string[]): Promise<'fired' | 'skipped' | 'none'> {
    let taken: string | null = null;
    // Assigned inside the transaction's callback, which TypeScript's narrowing does not follow.
    let fired = null as { elementId: string; dueAt: Date; firedAt: Date } | null;
    try {
      const outcome = await inTransaction(this.em.fork(), this.bus, async ({ em, events }) => {
        const due = await takeDueTimer(em, this.clock.now(), skipped);
        if (!due) return 'none';
        const { timer, instance } = due;
        taken = timer.id;
        if (!instance) {
          skipped.push(timer.id);
          return 'skipped';
        }
        if (instance.status !== InstanceStatus.WAITING) {
          await cancelTimer(em, timer.id);
          return 'skipped';
        }
        const definition = await this.runner.definitionOf(em, instance.definition.id);
        await this.stepper.advance(em, instance, definition, { kind: 'timer', elementId: timer.elementId }, null, events, {
          firing: timer,
        });
        fired = { elementId: timer.elementId, dueAt: timer.dueAt, firedAt: timer.firedAt ?? this.clock.now() };
        return 'fired';
      });
      if (outcome === 'fired' && fired) this.onFired(fired);
      return outcome;
    } catch (err) {
      if (!taken) throw err;
      console.error(`timer ${taken} did not fire; the next poll tries again:`, err instanceof Error ? err.message : err);
      skipped.push(taken);
      return 'skipped';
    }
  }

  private announceOverdue(): Promise<number> {
    return inTransaction(this.em.fork(), this.bus, async ({ em, events }) => {
      const now = this.clock.now();
      const rows = await em.execute<{ id: string }[]>(
        `update process_task set overdue_notified_at = ? where status = 'OPEN' and due_at <= ? and overdue_notified_at is null returning id`,
        [now, now],
      );
      if (rows.length === 0) return 0;
      for (const task of await em.find(ProcessTask, { id: { $in: rows.map((r) => r.id) } })) {
        events.push(
          new TaskChangedEvent(
            task.id,
            'OVERDUE',
            task.candidateDepartment ?? null,
            task.candidateRole ?? null,
            task.assignee?.id ?? null,
            now,
          ),
        );
      }
      return rows.length;
    });
  }
}
