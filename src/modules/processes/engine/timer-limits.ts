import { ISOInterval } from '@0dep/piso';
import { readHubTimer } from './hub-timer';

export interface TimerLimits {
  /** shortest time between two firings of a repeating timer, in ms */
  timerMinCycleMs: number;
  /** most repetitions a repeating timer may have (unbounded `R/` is always too many) */
  timerMaxRepeats: number;
}

/**
 * Why a timer value would fire too often or without end, or null. Checked at deploy for values
 * written in the diagram and again by the engine's timer for every value, computed ones included:
 * the engine's ISO parser (the same @0dep/piso) loops forever on `R/PT0S`, synchronously.
 */
export function timerProblem(timerType: string, value: string, limits: TimerLimits): string | null {
  if (timerType === 'timeDate') return null;
  // Working time is counted by the hub (hub-timer.ts), once: it neither repeats nor loops.
  const hub = readHubTimer(value);
  if (hub !== null) return typeof hub === 'string' ? hub : null;
  let interval: ISOInterval;
  try {
    interval = new ISOInterval(value).parse();
  } catch (err) {
    return `"${value}" is not an ISO 8601 duration or cycle (${err instanceof Error ? err.message : String(err)})`;
  }
  const repeat = interval.repeat;
  if (repeat === undefined) return null;
  if (repeat < 0) return `"${value}" repeats without end; at most ${limits.timerMaxRepeats} repetitions are allowed`;
  if (repeat > limits.timerMaxRepeats) return `"${value}" repeats ${repeat} times; at most ${limits.timerMaxRepeats} are allowed`;
  const period = interval.duration
    ? interval.duration.toMilliseconds(new Date())
    : interval.end && interval.start
      ? interval.endDate.getTime() - interval.startDate.getTime()
      : Number.NaN;
  if (!(period >= limits.timerMinCycleMs)) {
    return `"${value}" repeats every ${Number.isNaN(period) ? '?' : period} ms; repetitions must be at least ${limits.timerMinCycleMs} ms apart`;
  }
  return null;
}
