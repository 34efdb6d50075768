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
 * a timer that fell due while every hub was down fires at the next poll.
 */
export class TimerPoller {
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly runner: ProcessRunnerService,
    private readonly stepper: InstanceStepper,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.handle) return;
    this.handle = setInterval(() => {
      this.running = this.running.then(() => this.runOnce()).catch((err: unknown) => console.error('timer poll failed:', err));
    }, intervalMs);
    this.handle.unref();
  }

  async stop(): Promise<void> {
    if (this.handle) clearInterval(this.handle);
    this.handle = null;
    await this.running;
  }

  /** One poll: fire what is due now, then announce tasks that became overdue. */
  async runOnce(): Promise<{ fired: number; overdue: number }> {
    let fired = 0;
    const skipped: string[] = [];
    while (await this.fireNext(skipped)) fired++;
    return { fired, overdue: await this.announceOverdue() };
  }

  /** Fires the earliest due timer nobody else holds; false when none is left. */
  private fireNext(skipped: string[]): Promise<boolean> {
    return inTransaction(this.em.fork(), this.bus, async ({ em, events }) => {
      const due = await takeDueTimer(em, this.clock.now(), skipped);
      if (!due) return false;
      const { timer, instance } = due;
      if (!instance) {
        skipped.push(timer.id);
      } else if (instance.status !== InstanceStatus.WAITING) {
        await cancelTimer(em, timer.id);
      } else {
        const definition = await this.runner.definitionOf(em, instance.definition.id);
        await this.stepper.advance(em, instance, definition, { kind: 'timer', elementId: timer.elementId }, null, events, {
          firing: timer,
        });
      }
      return true;
    });
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
