import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import type { InstanceStepper } from './instance-stepper';
import { cancelTimer, lockInstance } from './instance-store';
import { InstanceStatus } from './process.enums';
import { TaskChangedEvent } from './process.events';
import type { ProcessRunnerService } from './process-runner.service';
import { ProcessTask } from './process-task.entity';
import { claimDueTimers, claimedTimer, releaseClaims, type TimerClaim } from './timer-claims';

export interface TimerPollerOptions {
  /** timers one round takes at most */
  perRound?: number;
  /** timer steps a round runs side by side */
  concurrency?: number;
  /** timers one claim takes */
  batch?: number;
  /** how long a claim holds before another hub may take the timer */
  leaseMs?: number;
  /** what this poller's claims are signed with; unique per poller */
  hubId?: string;
}

export interface FiredTimer {
  elementId: string;
  dueAt: Date;
  firedAt: Date;
}

/** What one round shares between its workers. */
interface Round {
  /** claimed, oldest due first, not started yet */
  queue: TimerClaim[];
  claimed: number;
  /** nothing more to claim in this round (none due, `perRound` reached, or the claim failed) */
  exhausted: boolean;
  claiming: Promise<void> | null;
  claimFailure: unknown;
  fired: number;
  /** timers whose step failed in this round: left to the next poll */
  skipped: string[];
  /** the step last started per instance: a second timer of one instance waits for the first */
  instances: Map<string, Promise<void>>;
}

/**
 * Fires due timers and announces overdue tasks. A round claims due timers in batches, oldest due
 * first (a lease on each row: see timer-claims.ts), and fires them `concurrency` at a time, each in
 * its own transaction under its instance's lock, where the timer is read again: one that a step of
 * its instance fired or cancelled since the claim is dropped, so with several hubs on one database
 * each timer fires once. A step that fails is logged and its claim given back for the next poll; the
 * others still fire. A timer that fell due while every hub was down, or whose hub crashed holding
 * its claim, fires at the next poll after the lease. A round takes at most `perRound` timers and
 * ends early when the poller is stopped (its unstarted claims given back; `stop()` waits for the
 * steps in flight): timers that keep falling due (a short cycle of an old definition) cannot keep
 * one round, or a shutdown, going for ever.
 */
export class TimerPoller {
  private handle: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;
  /** a poll (its rounds) is under way */
  private polling = false;
  private readonly perRound: number;
  private readonly concurrency: number;
  private readonly batch: number;
  private readonly leaseMs: number;
  readonly hubId: string;

  /** Told of each timer fired, after its step committed (the timer-lag metric: firedAt - dueAt). */
  onFired: (fired: FiredTimer) => void = () => undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly runner: ProcessRunnerService,
    private readonly stepper: InstanceStepper,
    options: TimerPollerOptions = {},
  ) {
    this.perRound = options.perRound ?? 100;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.batch = Math.max(1, options.batch ?? 20);
    this.leaseMs = options.leaseMs ?? 30_000;
    // Readable in the table (which host and process claimed a row), unique with two hubs in one process.
    this.hubId = options.hubId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.handle) return;
    this.stopping = false;
    this.handle = setInterval(() => {
      // A beat that comes while the last poll still works adds nothing: that poll goes on itself.
      if (this.polling) return;
      this.polling = true;
      this.running = this.drain()
        .catch((err: unknown) => console.error('timer poll failed:', err))
        .finally(() => {
          this.polling = false;
        });
    }, intervalMs);
    this.handle.unref();
  }

  /**
   * Rounds one after another while each takes all it may (`perRound`: more were due), until a
   * round finds fewer or the poller stops: a thousand timers due at once are not spread over ten
   * beats, and each round stays bounded (a stop waits for one round at most).
   */
  async drain(): Promise<void> {
    for (let round = await this.round(); round.full && !this.stopping; round = await this.round());
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
    const { fired, overdue } = await this.round();
    return { fired, overdue };
  }

  /** One round; `full` when it claimed as many timers as a round may (more may be due). */
  private async round(): Promise<{ fired: number; overdue: number; full: boolean }> {
    const round: Round = {
      queue: [],
      claimed: 0,
      exhausted: false,
      claiming: null,
      claimFailure: null,
      fired: 0,
      skipped: [],
      instances: new Map(),
    };
    await Promise.all(Array.from({ length: this.concurrency }, () => this.work(round)));
    // Stopped mid-round: what was claimed and not started is free for any hub at once.
    await releaseClaims(
      this.em.fork(),
      round.queue.map((claim) => claim.id),
      this.hubId,
    );
    if (round.claimFailure) throw round.claimFailure;
    return { fired: round.fired, overdue: await this.announceOverdue(), full: round.claimed >= this.perRound };
  }

  private async work(round: Round): Promise<void> {
    for (let claim = await this.nextClaim(round); claim; claim = await this.nextClaim(round)) {
      const taken = claim;
      await this.afterSameInstance(round, taken, () => this.fire(round, taken));
    }
  }

  /** The oldest claimed timer not started yet; claims the next batch when none is left. */
  private async nextClaim(round: Round): Promise<TimerClaim | null> {
    while (!this.stopping) {
      const claim = round.queue.shift();
      if (claim) return claim;
      if (round.exhausted) return null;
      // One claim at a time: the workers that find the queue empty meanwhile wait for it.
      round.claiming ??= this.claimBatch(round).finally(() => {
        round.claiming = null;
      });
      await round.claiming;
    }
    return null;
  }

  private async claimBatch(round: Round): Promise<void> {
    const limit = Math.min(this.batch, this.perRound - round.claimed);
    if (limit <= 0) {
      round.exhausted = true;
      return;
    }
    try {
      const claims = await claimDueTimers(this.em.fork(), {
        hub: this.hubId,
        now: this.clock.now(),
        leaseMs: this.leaseMs,
        limit,
        skipped: round.skipped,
      });
      round.claimed += claims.length;
      if (claims.length < limit) round.exhausted = true;
      round.queue.push(...claims);
    } catch (err) {
      round.exhausted = true;
      round.claimFailure = err;
    }
  }

  /**
   * Runs `fire` once the step of an earlier timer of the same instance in this round is done: it
   * would only wait for that step's lock, holding a connection meanwhile.
   */
  private async afterSameInstance(round: Round, claim: TimerClaim, fire: () => Promise<void>): Promise<void> {
    const step = (round.instances.get(claim.instanceId) ?? Promise.resolve()).then(fire);
    round.instances.set(claim.instanceId, step);
    await step;
    if (round.instances.get(claim.instanceId) === step) round.instances.delete(claim.instanceId);
  }

  /**
   * Fires one claimed timer. A step that fails (a claim of a task raced it, the database hiccuped)
   * is left for the next poll; the others still fire.
   */
  private async fire(round: Round, claim: TimerClaim): Promise<void> {
    let fired: FiredTimer | null;
    try {
      fired = await this.step(claim);
    } catch (err) {
      console.error(`timer ${claim.id} did not fire; the next poll tries again:`, err instanceof Error ? err.message : err);
      round.skipped.push(claim.id);
      // Not given back, the claim still lapses with its lease.
      await releaseClaims(this.em.fork(), [claim.id], this.hubId).catch(() => undefined);
      return;
    }
    if (!fired) return;
    round.fired++;
    try {
      this.onFired(fired);
    } catch (err) {
      // A listener's fault: the timer fired all the same, and the round goes on.
      console.error('timer listener failed:', err);
    }
  }

  /** The timer's step, in its own transaction; null when the timer no longer fires. */
  private async step(claim: TimerClaim): Promise<FiredTimer | null> {
    return inTransaction(this.em.fork(), this.bus, async ({ em, events }) => {
      // Lock first, then read the timer again: what a step of this instance did to it is committed by now.
      const instance = await lockInstance(em, claim.instanceId);
      const timer = await claimedTimer(em, claim.id, this.hubId);
      if (!timer) return null;
      const now = this.clock.now();
      if (timer.dueAt > now) {
        // Its ticket's deadline moved since the claim: it fires when it is due again.
        await releaseClaims(em, [timer.id], this.hubId);
        return null;
      }
      if (!instance || instance.status !== InstanceStatus.WAITING) {
        await cancelTimer(em, timer.id);
        return null;
      }
      const definition = await this.runner.definitionOf(em, instance.definition.id);
      await this.stepper.advance(em, instance, definition, { kind: 'timer', elementId: timer.elementId }, null, events, {
        firing: timer,
      });
      return { elementId: timer.elementId, dueAt: timer.dueAt, firedAt: timer.firedAt ?? now };
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
