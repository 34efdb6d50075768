import type { SharingObserver } from '../../graphql/subscription-group';
import type { HubMetrics } from './hub-metrics';

/** Shared subscription executions and slow consumers, as the hub's metrics count them. */
export function sharingMetrics(metrics: HubMetrics): SharingObserver {
  return {
    groupOpened: () => metrics.subscriptionGroups.inc(),
    groupClosed: () => metrics.subscriptionGroups.dec(),
    executed: (field, deliveries) => {
      metrics.subscriptionExecutions.inc({ field });
      if (deliveries > 0) metrics.subscriptionDeliveries.inc({ field }, deliveries);
    },
    slowConsumerDropped: () => metrics.slowConsumersDropped.inc(),
  };
}
