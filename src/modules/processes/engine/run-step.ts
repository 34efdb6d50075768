import { EventEmitter } from 'node:events';
import { Timers } from 'bpmn-elements';
import { type BpmnEngineOptions, Engine } from 'bpmn-engine';
import { deserialize } from 'moddle-context-serializer';
import { boundedTypeResolver } from './bounded-elements';
import { ExpressionError, restrictedExpressions } from './expressions';
import { readPostponed, type TimerRow, type WaitRow } from './postponed';
import { type ServiceProxyInput, serviceProxy, withoutKeys } from './service-proxy';
import type { EngineServiceHandler } from './service-registry';
import { DEFAULT_LIMITS, type EngineLimits, StepGuard } from './step-guard';

/** bpmn-engine's state, as JSON; the diagram is removed from it (kept once per definition). */
export type EngineState = Record<string, unknown> & { definitions?: Record<string, unknown>[] };

export interface ActivityEvent {
  event: 'enter' | 'leave';
  elementId: string;
  executionId: string;
  type: string;
  name: string | null;
}

export interface StepInput {
  instanceId: string;
  businessKey: string | null;
  /** the definition's diagram, serialized once at deployment */
  serializedSource: string;
  /** absent for the first step (start); the engine takes it over (pass a copy to keep one) */
  state: EngineState | null;
  variables: Record<string, unknown>;
  services: (name: string) => EngineServiceHandler | undefined;
  retryDelaysMs: readonly number[];
  /** what this step does to a waiting instance: complete a task, fire a timer, deliver a message */
  action?: (execution: EngineExecution) => void;
  /** how much the step may do before it fails (defaults: DEFAULT_LIMITS) */
  limits?: EngineLimits;
  /**
   * The engine the previous step of this instance left, when the caller knows it is the state the
   * database holds (engine-cache.ts): resumed as it is instead of recovered from `state`.
   */
  live?: LiveEngine | null;
}

export interface StepResult {
  outcome: 'waiting' | 'completed' | 'failed';
  /** the engine's state after the step, as JSON text without the diagram, ready to store */
  state: string;
  variables: Record<string, unknown>;
  waits: WaitRow[];
  timers: TimerRow[];
  activities: ActivityEvent[];
  error?: { message: string; elementId: string | null };
  /** the settled engine, for a waiting instance: what a next step may resume (never a failed or completed one) */
  live?: LiveEngine;
}

/** The part of bpmn-engine's execution API the host uses. */
export interface EngineExecution {
  signal(message: Record<string, unknown>): void;
  cancelActivity(message: { id: string }): void;
  getPostponed(): unknown[];
  isRunning: boolean;
}

interface ActivityApi {
  id: string;
  type: string;
  name?: string;
  content: { executionId: string; output?: unknown; isRecovered?: boolean };
  environment: { variables: Record<string, unknown> };
}

// No real timer is ever armed: timers are rows in process_timer, fired by the poller.
const durableTimers = () => new Timers({ setTimeout: (() => ({})) as unknown as typeof setTimeout, clearTimeout: () => undefined });

// Outputs of tasks that take input (user tasks, services, messages) become process variables.
// A call activity's output is what the called process answered (see call-activities.ts).
const OUTPUT_TYPES = new Set([
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:ReceiveTask',
  'bpmn:IntermediateCatchEvent',
  'bpmn:SendTask',
  'bpmn:CallActivity',
]);
const RESERVED = new Set(['id', 'executionId', 'fields', 'content', 'properties']);
// A task's output named like these would reach the variables object's prototype, not the variables.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const mergeOutput = {
  kexiangOutputs(activity: { type: string; on(event: string, fn: (api: ActivityApi) => void): void }) {
    if (!OUTPUT_TYPES.has(activity.type)) return;
    activity.on('end', (api) => {
      const raw = api.content.output;
      const output = Array.isArray(raw) ? raw[0] : raw;
      if (!output || typeof output !== 'object') return;
      for (const [key, value] of Object.entries(output)) {
        if (!RESERVED.has(key) && !UNSAFE_KEYS.has(key)) api.environment.variables[key] = value;
      }
    });
  },
};

/** What the step running an engine now gives it: its budget, its history and its service handlers. */
interface StepHooks {
  guard: StepGuard;
  activities: ActivityEvent[];
  failedElement: string | null;
  completed: boolean;
  proxy: ServiceProxyInput;
}

/**
 * A settled engine kept after its step. Its listener, services and expressions were given once,
 * when it was built, and call the hooks of whatever step runs it now: the cached engine of a
 * waiting instance behaves in its next step as a recovered one would.
 */
export interface LiveEngine {
  readonly instanceId: string;
  readonly serializedSource: string;
  readonly execution: EngineExecution;
}

interface EngineParts extends LiveEngine {
  readonly engine: Engine;
  readonly listener: EventEmitter;
  readonly slot: { hooks: StepHooks };
}

const partsOf = (live: LiveEngine): EngineParts => live as EngineParts;

/**
 * Runs one step of one instance: resume the engine the last step left (`live`), or recover it
 * from `state` (or start), apply the action, run until everything is waiting, completed or
 * failed, and read what waits. A waiting instance's engine is answered as `live`; the caller may
 * keep it or drop it. Whatever goes wrong inside the engine (a thrown error, a step over its
 * bounds) is the step's failure, which the caller records as an incident; it never escapes as an
 * unhandled error, and the failed engine is never answered.
 */
export async function runStep(input: StepInput): Promise<StepResult> {
  const hooks: StepHooks = {
    guard: new StepGuard(input.limits ?? DEFAULT_LIMITS),
    activities: [],
    failedElement: null,
    completed: false,
    proxy: { ...input, reserved: RESERVED, fail: (err) => hooks.guard.fail(err) },
  };
  const resumed = input.live && input.live.serializedSource === input.serializedSource ? partsOf(input.live) : null;
  const parts = resumed ?? buildEngine(input.instanceId, input.serializedSource, hooks);
  parts.slot.hooks = hooks;
  const { engine, listener } = parts;
  const { guard } = hooks;
  // stop() answers a promise that rejects if the engine errs meanwhile: never left unhandled.
  guard.onFailure(() => {
    Promise.resolve(engine.stop()).catch(() => undefined);
  });
  const settled = () => waitUntilSettled(engine, guard, () => guard.failure !== null || hooks.completed);

  let execution: EngineExecution | undefined;
  try {
    if (resumed) {
      execution = resumed.execution;
    } else {
      if (input.state) engine.recover(input.state);
      execution = (input.state
        ? await engine.resume({ listener })
        : await engine.execute({ listener, variables: { ...input.variables } })) as unknown as EngineExecution;
      await settled();
    }
    if (input.action && !guard.failure && !hooks.completed) {
      input.action(execution);
      await settled();
    }
  } catch (err) {
    guard.fail(err);
  }

  // Reading the outcome can fail too (a handler's answer that is not JSON): that is the step's failure.
  let outcome: Omit<StepResult, 'activities'> | null = null;
  if (!guard.failure && execution) {
    try {
      const completed = hooks.completed;
      const postponed = completed ? { waits: [], timers: [] } : readPostponed(execution.getPostponed());
      const state = stripSource((await engine.getState()) as unknown as EngineState);
      const live: EngineParts | undefined = completed ? undefined : { ...parts, execution };
      outcome = { outcome: completed ? 'completed' : 'waiting', state, variables: processVariables(execution), ...postponed, live };
    } catch (err) {
      guard.fail(err);
    }
  }
  // Not stopped, just dropped (or kept): everything in it waits for a signal or a timer, and its
  // timers are never armed, so nothing can run in it until a next step acts on it. Stopping walked
  // every element's broker, a fifth of a step's engine time. (A failed step's engine was stopped by the guard.)
  if (outcome && !guard.failure) return { ...outcome, activities: hooks.activities };
  const message = guard.failure?.message ?? 'the step failed';
  return {
    outcome: 'failed',
    state: '',
    variables: input.variables,
    waits: [],
    timers: [],
    activities: hooks.activities,
    error: { message, elementId: hooks.failedElement },
  };
}

/** A new engine on the deployed diagram, its listener and hooks calling the step in `slot`. */
function buildEngine(instanceId: string, serializedSource: string, first: StepHooks): EngineParts {
  const slot = { hooks: first };
  const listener = new EventEmitter();
  const record = (event: ActivityEvent['event']) => (api: ActivityApi) => {
    const { hooks } = slot;
    if (event === 'enter' && api.content.isRecovered) return;
    if (event === 'enter' && !hooks.guard.tick()) hooks.failedElement ??= api.id;
    hooks.activities.push({ event, elementId: api.id, executionId: api.content.executionId, type: api.type, name: api.name ?? null });
  };
  listener.on('activity.enter', record('enter'));
  listener.on('activity.leave', record('leave'));
  listener.on('activity.error', (api: ActivityApi) => {
    slot.hooks.failedElement = api.id;
  });

  const services = serviceProxy(() => slot.hooks.proxy);
  // Every expression counts against the step's budget: a loop of conditions is work like any other.
  const expressions = restrictedExpressions(() => {
    const { guard } = slot.hooks;
    if (!guard.tick()) throw new ExpressionError(guard.failure?.message ?? 'the step is over its bounds');
  });
  // bpmn-engine's typings want a full Script from getScript; refusing every script is the point here.
  const options = {
    name: instanceId,
    services,
    expressions,
    // Read by the bounded timer and loop behaviours (bounded-elements.ts) through environment.options,
    // for the limits, which are the same for every step of the hub.
    stepGuard: first.guard,
    timers: durableTimers(),
    extensions: mergeOutput,
    scripts: noScripts,
    // The state keeps only elements that are running: idle ones carry nothing but statistics
    // counters, which the hub does not use (it records history itself). A third of the text.
    settings: { disableTrackState: true },
    ...(process.env.DEBUG ? {} : { Logger: quietLogger }),
  } as unknown as BpmnEngineOptions;
  // The saved state carries no diagram: recover() then takes the shared context given here.
  const engine = new Engine({ ...options, sourceContext: sourceContextOf(serializedSource) } as BpmnEngineOptions);
  // on, not once: a second 'error' with no listener would be thrown inside the engine.
  engine.on('error', (err: Error) => slot.hooks.guard.fail(err));
  engine.on('end', () => {
    slot.hooks.completed = true;
  });
  const unset = undefined as unknown as EngineExecution;
  return { instanceId, serializedSource, engine, listener, slot, execution: unset };
}

/**
 * bpmn-engine's default logger makes three `debug` loggers per element of every engine (and asks
 * whether stderr is a terminal for each); they print nothing unless DEBUG is set. Without DEBUG
 * the hub gives it loggers that do nothing.
 */
const silent = { debug() {}, error() {}, warn() {} };
export const quietLogger = () => silent;

/** Script tasks never run, even if one slipped past deployment checks. */
const noScripts = {
  register() {
    return undefined;
  },
  getScript() {
    return undefined;
  },
};

function processVariables(execution: EngineExecution): Record<string, unknown> {
  const definitions = (
    execution as unknown as { definitions?: { getProcesses(): { environment: { variables: Record<string, unknown> } }[] }[] }
  ).definitions;
  const process = definitions?.[0]?.getProcesses()[0];
  return JSON.parse(JSON.stringify(withoutKeys(process?.environment.variables ?? {}, RESERVED))) as Record<string, unknown>;
}

/** The state as JSON text without the diagram (kept once per definition). */
function stripSource(state: EngineState): string {
  const definitions = (state.definitions ?? []).map(({ source: _, ...definition }) => definition);
  return JSON.stringify({ ...state, definitions });
}

interface SourceContext {
  serialize(): string;
}

const sourceContexts = new Map<string, SourceContext>();

/**
 * The diagram deserialized once per deployed version and shared by every engine running it
 * (elements are built per engine from it; the context itself is only read). Deserializing it
 * for every step, and serializing it again into every state only to strip it, was a third of
 * a step's engine time. Its `serialize` answers with the deployed text instead of rebuilding it.
 */
function sourceContextOf(serializedSource: string): SourceContext {
  let context = sourceContexts.get(serializedSource);
  if (!context) {
    context = deserialize(JSON.parse(serializedSource), boundedTypeResolver) as SourceContext;
    context.serialize = () => serializedSource;
    sourceContexts.set(serializedSource, context);
  }
  return context;
}

/**
 * bpmn-engine has no "all is waiting" event: look after each turn of the event loop. A step that
 * never settles (a handler that never answers) fails at the guard's deadline instead of holding
 * its lock; loops inside the engine are stopped by the guard's count (see StepGuard).
 */
function waitUntilSettled(engine: { activityStatus: string }, guard: StepGuard, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const look = () => {
      if (done() || ['wait', 'timer', 'idle'].includes(engine.activityStatus)) resolve();
      else if (Date.now() > guard.deadline) {
        guard.fail(new Error(`the step did not reach a wait state within ${guard.limits.stepMaxMs} ms`));
        resolve();
      } else setImmediate(look);
    };
    setImmediate(look);
  });
}
