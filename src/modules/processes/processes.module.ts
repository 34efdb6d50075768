import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import { ServiceRegistry } from './engine/service-registry';
import { InstanceStepper } from './instance-stepper';
import { ProcessDefinitionService } from './process-definition.service';
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
}

/** The BPMN runner's parts, wired once at boot. */
export function createProcessModule(deps: ProcessModuleDeps) {
  const registry = deps.registry ?? new ServiceRegistry();
  const stepper = new InstanceStepper({ clock: deps.clock, services: registry, retryDelaysMs: deps.retryDelaysMs });
  const runner = new ProcessRunnerService(deps.clock, deps.bus, stepper);
  return {
    registry,
    definitions: new ProcessDefinitionService(deps.clock),
    runner,
    tasks: new ProcessTaskService(deps.clock, deps.bus, runner, stepper),
    poller: new TimerPoller(deps.em, deps.clock, deps.bus, runner, stepper),
  };
}

export type ProcessModule = ReturnType<typeof createProcessModule>;
