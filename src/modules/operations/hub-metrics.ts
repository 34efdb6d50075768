import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The hub's metrics, in a registry of its own: prom-client's global one would mix two hubs of one
 * process (tests run several) and let any imported library register into what we publish.
 * Names follow Prometheus's conventions: `_total` counters, base units (seconds), one prefix.
 */
export function createHubMetrics() {
  const registry = new Registry();
  // Process CPU, memory, event-loop lag, GC: standard names, so stock Node dashboards work.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const operation = ['operation', 'type'] as const;
  return {
    registry,
    requests: new Counter({
      name: 'kexiang_graphql_requests_total',
      help: 'GraphQL requests over HTTP, by operation name and type, and whether the answer carried errors',
      labelNames: [...operation, 'outcome'],
      registers,
    }),
    duration: new Histogram({
      name: 'kexiang_graphql_request_duration_seconds',
      help: 'time from a GraphQL request arriving to its answer sent, by operation',
      labelNames: operation,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    statements: new Histogram({
      name: 'kexiang_graphql_request_sql_statements',
      help: 'SQL statements one GraphQL request sent (token check included), by operation: a rising count is an N+1',
      labelNames: operation,
      buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers,
    }),
    subscriptions: new Gauge({
      name: 'kexiang_subscriptions_open',
      help: 'GraphQL subscriptions open on this hub (WebSocket)',
      registers,
    }),
    subscriptionGroups: new Gauge({
      name: 'kexiang_subscription_groups',
      help: 'shared subscription executions running on this hub: subscribers with the same operation, variables and scope form one',
      registers,
    }),
    subscriptionExecutions: new Counter({
      name: 'kexiang_subscription_executions_total',
      help: 'subscription results this hub computed (one per event per group, however many members it has), by root field',
      labelNames: ['field'],
      registers,
    }),
    subscriptionDeliveries: new Counter({
      name: 'kexiang_subscription_deliveries_total',
      help: 'subscription results sent to subscribers, by root field; over executions, how much sharing saves',
      labelNames: ['field'],
      registers,
    }),
    slowConsumersDropped: new Counter({
      name: 'kexiang_subscription_slow_consumers_dropped_total',
      help: 'WebSocket connections this hub closed (1013) because more than WS_MAX_BUFFERED_BYTES waited unsent to them',
      registers,
    }),
    instances: new Gauge({
      name: 'kexiang_process_instances',
      help: 'process instances by status, read from the database at scrape time (the same on every hub of one database)',
      labelNames: ['status'],
      registers,
    }),
    timerLag: new Histogram({
      name: 'kexiang_process_timer_lag_seconds',
      help: 'how late this hub fired each durable timer: fired_at - due_at',
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    }),
    engineCacheHits: new Counter({
      name: 'kexiang_process_engine_cache_hits_total',
      help: "process steps that resumed the engine this hub kept from the instance's last step",
      registers,
    }),
    engineCacheMisses: new Counter({
      name: 'kexiang_process_engine_cache_misses_total',
      help: 'process steps that recovered their engine from the saved state (none kept, or the row moved on)',
      registers,
    }),
    engineCacheEngines: new Gauge({
      name: 'kexiang_process_engine_cache_engines',
      help: 'settled engines of waiting instances this hub keeps (PROCESS_ENGINE_CACHE_MB, PROCESS_ENGINE_CACHE_ENGINES)',
      registers,
    }),
    engineCacheBytes: new Gauge({
      name: 'kexiang_process_engine_cache_estimated_bytes',
      help: 'memory the kept engines are estimated to hold, from their diagrams',
      registers,
    }),
    timersOverdue: new Gauge({
      name: 'kexiang_process_timer_oldest_overdue_seconds',
      help: 'how long the oldest pending timer has been due and not fired (0: none); grows when no poller runs',
      registers,
    }),
    incidents: new Counter({
      name: 'kexiang_process_incidents_total',
      help: 'process steps on this hub that ended in an incident, by process key',
      labelNames: ['process'],
      registers,
    }),
    slaWarnings: new Counter({
      name: 'kexiang_sla_warnings_total',
      help: 'SLA clocks this hub found at their warning time, by clock (RESPONSE, RESOLUTION, REPORT)',
      labelNames: ['clock'],
      registers,
    }),
    slaBreaches: new Counter({
      name: 'kexiang_sla_breaches_total',
      help: 'SLA clocks this hub found past their due time, by clock',
      labelNames: ['clock'],
      registers,
    }),
    slaClocks: new Gauge({
      name: 'kexiang_sla_clocks',
      help: 'SLA clocks by state, read from the database at scrape time',
      labelNames: ['state'],
      registers,
    }),
  };
}

export type HubMetrics = ReturnType<typeof createHubMetrics>;
