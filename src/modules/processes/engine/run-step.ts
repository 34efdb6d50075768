import { EventEmitter } from 'node:events';
import * as elements from 'bpmn-elements';
import { Timers } from 'bpmn-elements';
import { type BpmnEngineOptions, Engine } from 'bpmn-engine';
import { deserialize, TypeResolver } from 'moddle-context-serializer';
import { readPostponed, type TimerRow, type WaitRow } from './postponed';
import type { ServiceHandler } from './service-registry';

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
  services: (name: string) => ServiceHandler | undefined;
  retryDelaysMs: readonly number[];
  /** what this step does to a waiting instance: complete a task, fire a timer, deliver a message */
  action?: (execution: EngineExecution) => void;
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

const typeResolver = TypeResolver(elements);

// No real timer is ever armed: timers are rows in process_timer, fired by the poller.
const durableTimers = () => new Timers({ setTimeout: (() => ({})) as unknown as typeof setTimeout, clearTimeout: () => undefined });

// Outputs of tasks that take input (user tasks, services, messages) become process variables.
const OUTPUT_TYPES = new Set(['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent', 'bpmn:SendTask']);
const RESERVED = new Set(['id', 'executionId', 'fields', 'content', 'properties']);

const mergeOutput = {
  kexiangOutputs(activity: { type: string; on(event: string, fn: (api: ActivityApi) => void): void }) {
    if (!OUTPUT_TYPES.has(activity.type)) return;
    activity.on('end', (api) => {
      const raw = api.content.output;
      const output = Array.isArray(raw) ? raw[0] : raw;
      if (!output || typeof output !== 'object') return;
      for (const [key, value] of Object.entries(output)) if (!RESERVED.has(key)) api.environment.variables[key] = value;
    });
  },
};

/**
 * Runs one step of one instance: recover (or start), apply the action, run until everything is
 * waiting, completed or failed, read what waits, and drop the engine. Nothing stays in memory.
 */
export async function runStep(input: StepInput): Promise<StepResult> {
  const listener = new EventEmitter();
  const activities: ActivityEvent[] = [];
  let failedElement: string | null = null;
  const record = (event: ActivityEvent['event']) => (api: ActivityApi) => {
    if (event === 'enter' && api.content.isRecovered) return;
    activities.push({ event, elementId: api.id, executionId: api.content.executionId, type: api.type, name: api.name ?? null });
  };
  listener.on('activity.enter', record('enter'));
  listener.on('activity.leave', record('leave'));
  listener.on('activity.error', (api: ActivityApi) => {
    failedElement = api.id;
  });

  const services = serviceProxy(input);
  // bpmn-engine's typings want a full Script from getScript; refusing every script is the point here.
  const options = {
    name: input.instanceId,
    services,
    timers: durableTimers(),
    extensions: mergeOutput,
    scripts: noScripts,
    // The state keeps only elements that are running: idle ones carry nothing but statistics
    // counters, which the hub does not use (it records history itself). A third of the text.
    settings: { disableTrackState: true },
    ...(process.env.DEBUG ? {} : { Logger: quietLogger }),
  } as unknown as BpmnEngineOptions;
  // The saved state carries no diagram: recover() then takes the shared context given here.
  const engine = new Engine({ ...options, sourceContext: sourceContextOf(input.serializedSource) } as BpmnEngineOptions);
  if (input.state) engine.recover(input.state);

  let failure: Error | undefined;
  let completed = false;
  engine.once('error', (err: Error) => {
    failure = err;
  });
  engine.once('end', () => {
    completed = true;
  });
  const settled = () => waitUntilSettled(engine, () => failure !== undefined || completed);

  const execution = (input.state
    ? await engine.resume({ listener })
    : await engine.execute({ listener, variables: { ...input.variables } })) as unknown as EngineExecution;
  await settled();
  if (input.action && !failure && !completed) {
    input.action(execution);
    await settled();
  }

  const state = stripSource((await engine.getState()) as unknown as EngineState);
  const postponed = !failure && !completed ? readPostponed(execution.getPostponed()) : { waits: [], timers: [] };
  const variables = processVariables(execution);
  // Not stopped, just dropped: everything in it waits for a signal or a timer, and its timers are
  // never armed, so nothing can run in it again. Stopping walked every element's broker, a fifth
  // of a step's engine time.
  return {
    outcome: failure ? 'failed' : completed ? 'completed' : 'waiting',
    state,
    variables,
    waits: postponed.waits,
    timers: postponed.timers,
    activities,
    error: failure ? { message: (failure as Error).message, elementId: failedElement } : undefined,
  };
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

function serviceProxy(input: StepInput): Record<string, CallableFunction> {
  return new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string') return undefined;
        const handler = input.services(name);
        if (!handler) return undefined;
        return (
          context: { content?: { id?: string }; environment?: { variables?: Record<string, unknown> } },
          callback: (err: Error | null, result?: unknown) => void,
        ) => {
          const call = {
            instanceId: input.instanceId,
            businessKey: input.businessKey,
            elementId: context.content?.id ?? name,
            variables: cleanVariables(context.environment?.variables ?? {}),
          };
          withRetries(() => handler(call), input.retryDelaysMs).then(
            (result) => callback(null, result ?? {}),
            (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
          );
        };
      },
    },
  );
}

/** A failing handler is tried again after each delay; the last failure fails the step. */
async function withRetries<T>(work: () => Promise<T>, delaysMs: readonly number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= delaysMs.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  }
}

const cleanVariables = (variables: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(variables).filter(([key]) => !RESERVED.has(key)));

function processVariables(execution: EngineExecution): Record<string, unknown> {
  const definitions = (
    execution as unknown as { definitions?: { getProcesses(): { environment: { variables: Record<string, unknown> } }[] }[] }
  ).definitions;
  const process = definitions?.[0]?.getProcesses()[0];
  return JSON.parse(JSON.stringify(cleanVariables(process?.environment.variables ?? {}))) as Record<string, unknown>;
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
    context = deserialize(JSON.parse(serializedSource), typeResolver) as SourceContext;
    context.serialize = () => serializedSource;
    sourceContexts.set(serializedSource, context);
  }
  return context;
}

const STEP_LIMIT_MS = 30_000;

/**
 * bpmn-engine has no "all is waiting" event: look after each turn of the event loop. A step that
 * never settles (a handler that never answers) fails after STEP_LIMIT_MS instead of holding its lock.
 */
function waitUntilSettled(engine: { activityStatus: string }, done: () => boolean): Promise<void> {
  const deadline = Date.now() + STEP_LIMIT_MS;
  return new Promise((resolve, reject) => {
    const look = () => {
      if (done() || ['wait', 'timer', 'idle'].includes(engine.activityStatus)) resolve();
      else if (Date.now() > deadline) reject(new Error(`the step did not settle within ${STEP_LIMIT_MS / 1000} s`));
      else setImmediate(look);
    };
    setImmediate(look);
  });
}
