import type { Config } from '../../config/config';
import type { EngineCacheOptions } from './engine/engine-cache';
import type { StepLimits } from './engine/step-guard';
import type { TimerLimits } from './engine/timer-limits';

/** How much one step, one timer and one poll may do: what keeps a diagram from holding the hub. */
export interface ProcessLimits extends StepLimits, TimerLimits {
  /** timers the poller fires in one round; the rest wait for the next */
  timersPerPoll: number;
  /** settled engines kept between steps: how many, and their estimated bytes (either 0: none) */
  engineCache: EngineCacheOptions;
  /** timer steps a round runs side by side */
  timerConcurrency: number;
  /** timers one claim takes */
  timerBatch: number;
  /** how long a claim holds before another hub may take the timer */
  timerLeaseMs: number;
}

type LimitKeys =
  | 'processStepMaxActivities'
  | 'processStepMaxMs'
  | 'processTimerMinCycleMs'
  | 'processTimerMaxRepeats'
  | 'processTimersPerPoll'
  | 'processEngineCacheMb'
  | 'processEngineCacheEngines'
  | 'processTimerConcurrency'
  | 'processTimerBatch'
  | 'processTimerLeaseMs';

export function processLimitsOf(config: Pick<Config, LimitKeys>): ProcessLimits {
  return {
    stepMaxActivities: config.processStepMaxActivities,
    stepMaxMs: config.processStepMaxMs,
    timerMinCycleMs: config.processTimerMinCycleMs,
    timerMaxRepeats: config.processTimerMaxRepeats,
    timersPerPoll: config.processTimersPerPoll,
    engineCache: { maxEngines: config.processEngineCacheEngines, maxBytes: config.processEngineCacheMb * 1024 * 1024 },
    timerConcurrency: config.processTimerConcurrency,
    timerBatch: config.processTimerBatch,
    timerLeaseMs: config.processTimerLeaseMs,
  };
}
