import * as elements from 'bpmn-elements';
import { TypeResolver } from 'moddle-context-serializer';
import { readHubTimer } from './hub-timer';
import { DEFAULT_LIMITS, StepGuard } from './step-guard';
import { timerProblem } from './timer-limits';

/**
 * bpmn-elements' timer and loop behaviours, bounded. Both can run a step forever without any
 * activity event the step could count: a timer cycle of `R/PT0S` loops inside the ISO parser, and
 * a multi-instance loop of a million iterations runs them all in one synchronous call.
 */

interface EngineEnvironment {
  options?: { stepGuard?: unknown };
  resolveExpression(text: unknown, message?: unknown): unknown;
}

const limitsOf = (environment: EngineEnvironment) => {
  const guard = environment.options?.stepGuard;
  return guard instanceof StepGuard ? guard.limits : DEFAULT_LIMITS;
};

type TimerClass = new (
  activity: unknown,
  definition: unknown,
) => {
  environment: EngineEnvironment;
  parse(timerType: string, value: string): unknown;
};
const BaseTimer = elements.TimerEventDefinition as unknown as TimerClass;

const PLACEHOLDER_MS = 365 * 24 * 3600 * 1000;

/** Refuses, as the timer's error, a value that repeats too often or without end (computed ones too). */
class BoundedTimerEventDefinition extends BaseTimer {
  override parse(timerType: string, value: string): unknown {
    const hub = readHubTimer(String(value));
    if (typeof hub === 'string') throw new Error(`the timer cannot be armed: ${hub}`);
    // The hub counts these on its calendar when it records the timer (instance-stepper); the
    // engine only needs an expiry in the future, as no real timer is ever armed.
    if (hub) return { expireAt: new Date(Date.now() + PLACEHOLDER_MS), delay: PLACEHOLDER_MS, repeat: undefined };
    const problem = timerProblem(timerType, String(value), limitsOf(this.environment));
    if (problem) throw new Error(`the timer cannot be armed: ${problem}`);
    const parsed = super.parse(timerType, value);
    // A date is due by the hub's clock (instance-stepper reads it from the value). By the engine's
    // own clock, the real one, a date already past fires at once, inside the step: on a hub whose
    // clock is not the wall clock (tests, a replay) that ran the timer's path early.
    if (timerType === 'timeDate') return { ...(parsed as object), expireAt: new Date(Date.now() + PLACEHOLDER_MS), delay: PLACEHOLDER_MS };
    return parsed;
  }
}

interface LoopActivity {
  id: string;
  environment: EngineEnvironment;
}
interface LoopDefinition {
  behaviour?: { loopCardinality?: string; loopMaximum?: string; collection?: string; isSequential?: boolean };
}
type LoopClass = new (
  activity: LoopActivity,
  loop: LoopDefinition,
) => {
  activity: LoopActivity;
  loopCharacteristics: LoopDefinition;
  characteristics: unknown;
  execute(message: unknown): unknown;
};
const BaseLoop = (elements as unknown as Record<string, LoopClass>).MultiInstanceLoopCharacteristics;

/** A loop may run at most as many iterations as a step may enter activities. */
class BoundedLoopCharacteristics extends BaseLoop {
  override execute(message: unknown): unknown {
    if (!this.characteristics) checkIterations(this.activity, this.loopCharacteristics, message);
    return super.execute(message);
  }
}

function checkIterations(activity: LoopActivity, loop: LoopDefinition, message: unknown): void {
  const { loopCardinality, loopMaximum, collection } = loop.behaviour ?? {};
  const environment = activity.environment;
  const cardinality = loopCardinality ?? loopMaximum;
  const count = cardinality === undefined ? 0 : Number(environment.resolveExpression(cardinality, message));
  const items = collection === undefined ? undefined : environment.resolveExpression(collection, message);
  const iterations = Math.max(Number.isFinite(count) ? count : 0, Array.isArray(items) ? items.length : 0);
  const max = limitsOf(environment).stepMaxActivities;
  if (iterations > max) throw new Error(`<${activity.id}> would loop ${iterations} times; at most ${max} are allowed in one step`);
}

/** bpmn-elements makes a standard loop a sequential multi-instance loop; so does this. */
function BoundedStandardLoopCharacteristics(activity: LoopActivity, loop: LoopDefinition) {
  return new BoundedLoopCharacteristics(activity, { ...loop, behaviour: { ...loop.behaviour, isSequential: true } });
}

/** The resolver the hub deserializes diagrams with: bpmn-elements' types, with the bounded ones. */
export const boundedTypeResolver = TypeResolver(elements, (types) => {
  types['bpmn:TimerEventDefinition'] = BoundedTimerEventDefinition;
  types['bpmn:MultiInstanceLoopCharacteristics'] = BoundedLoopCharacteristics;
  types['bpmn:StandardLoopCharacteristics'] = BoundedStandardLoopCharacteristics;
});
