import type { EventBus } from '../../shared/event-bus';
import { InstanceStatus } from '../processes/process.enums';
import { ProcessInstanceChangedEvent } from '../processes/process.events';
import { SlaAlertKind } from '../sla/sla.enums';
import { SlaAlertEvent } from '../sla/sla.events';
import type { HubMetrics } from './hub-metrics';

/**
 * Counts what the domain announces after commit: a rolled-back step or sweep counts nothing.
 * The bus carries this hub's own events only (other hubs' arrive by NOTIFY to the pubsub), so
 * summing the counters over all hubs counts each incident and alert once.
 */
export function countDomainEvents(bus: EventBus, metrics: HubMetrics): () => void {
  return bus.subscribe((events) => {
    for (const event of events) {
      if (event instanceof ProcessInstanceChangedEvent && event.status === InstanceStatus.INCIDENT) {
        metrics.incidents.inc({ process: event.processKey });
      } else if (event instanceof SlaAlertEvent) {
        const counter = event.alert === SlaAlertKind.WARNING ? metrics.slaWarnings : metrics.slaBreaches;
        counter.inc({ clock: event.clock });
      }
    }
  });
}
