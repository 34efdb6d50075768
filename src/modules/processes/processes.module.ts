import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import { EngineCache } from './engine/engine-cache';
import type { TimerDeadlines } from './engine/hub-timer';
import { ServiceRegistry } from './engine/service-registry';
import { InstanceStepper, type StepFollower } from './instance-stepper';
import { ProcessDefinitionService } from './process-definition.service';
import type { ProcessLimits } from './process-limits';
import { ProcessRunnerService } from './process-runner.service';
import { ProcessTaskService } from './process-task.service';
import { TimerPoller } from './timer-poller';

export interface ProcessModuleDeps {
  em: EntityManager;
  clock: Clock;
  bus: EventBus;
  retryDelaysMs: readonly number[];
  /** service-task handlers; the hub registers the domain's, tests add their own */
  registry?: ServiceRegistry;
  /** told of each step of an instance that works on a ticket (the procedure layer) */
  follower?: StepFollower;
  /** due times of timers written in the hub's syntax (the center's calendar and the tickets' clocks) */
  timerDeadlines?: TimerDeadlines;
  /** bounds of steps, timers and polls (from the settings: processLimitsOf(config)) */
  processLimits: ProcessLimits;
}

/** The BPMN runner's parts, wired once at boot. */
export function createProcessModule(deps: ProcessModuleDeps) {
  const registry = deps.registry ?? new ServiceRegistry();
  const limits = deps.processLimits;
  const engines = new EngineCache(limits.engineCache);
  const stepper = new InstanceStepper({
    clock: deps.clock,
    services: registry,
    retryDelaysMs: deps.retryDelaysMs,
    limits,
    follower: deps.follower,
    timerDeadlines: deps.timerDeadlines,
    engines,
  });
  const runner = new ProcessRunnerService(deps.clock, deps.bus, stepper);
  return {
    registry,
    limits,
    engines,
    definitions: new ProcessDefinitionService(deps.clock, registry, limits),
    runner,
    tasks: new ProcessTaskService(deps.clock, deps.bus, runner, stepper),
    poller: new TimerPoller(deps.em, deps.clock, deps.bus, runner, stepper, {
      perRound: limits.timersPerPoll,
      concurrency: limits.timerConcurrency,
      batch: limits.timerBatch,
      leaseMs: limits.timerLeaseMs,
    }),
  };
}

export type ProcessModule = ReturnType<typeof createProcessModule>;
