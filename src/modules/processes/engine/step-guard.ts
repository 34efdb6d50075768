import type { TimerLimits } from './timer-limits';

export interface StepLimits {
  /** activities entered plus expressions evaluated in one step before it is stopped */
  stepMaxActivities: number;
  /** wall time of one step before it is stopped, in ms */
  stepMaxMs: number;
}

/** What the engine of one step is bounded by. */
export type EngineLimits = StepLimits & TimerLimits;

export const DEFAULT_LIMITS: EngineLimits = {
  stepMaxActivities: 1000,
  stepMaxMs: 5000,
  timerMinCycleMs: 60_000,
  timerMaxRepeats: 1000,
};

/**
 * The budget of one step. A loop inside the engine is synchronous (or a chain of microtasks), so
 * no timer can interrupt it: the engine itself reports each unit of work here (an activity
 * entered, an expression evaluated), and the step stops the engine once it is over its bounds.
 */
export class StepGuard {
  readonly deadline: number;
  private work = 0;
  private stopEngine: () => void = () => undefined;
  failure: Error | null = null;

  constructor(readonly limits: EngineLimits) {
    this.deadline = Date.now() + limits.stepMaxMs;
  }

  onFailure(stop: () => void): void {
    this.stopEngine = stop;
  }

  /** Counts one unit of work; false once the step has failed. Never throws (it runs inside engine listeners). */
  tick(): boolean {
    if (this.failure) return false;
    this.work++;
    if (this.work > this.limits.stepMaxActivities) {
      this.fail(
        new Error(`the step ran more than ${this.limits.stepMaxActivities} activities and expressions without reaching a wait state`),
      );
    } else if (Date.now() > this.deadline) {
      this.fail(new Error(`the step did not reach a wait state within ${this.limits.stepMaxMs} ms`));
    }
    return this.failure === null;
  }

  /** The first failure wins; the engine is stopped so nothing in it runs on. */
  fail(err: unknown): void {
    if (this.failure) return;
    this.failure = err instanceof Error ? err : new Error(String(err));
    try {
      this.stopEngine();
    } catch {
      // A half-broken engine may not stop cleanly; it is dropped either way.
    }
  }
}
