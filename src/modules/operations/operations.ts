import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Config } from '../../config/config';
import type { Database } from '../../db/database';
import type { SharingObserver } from '../../graphql/subscription-group';
import type { Clock } from '../../shared/clock';
import type { EventBus } from '../../shared/event-bus';
import type { Logger } from '../../shared/logger';
import { currentRequest } from '../../shared/request-scope';
import type { EngineCache } from '../processes/engine/engine-cache';
import type { TimerPoller } from '../processes/timer-poller';
import { refreshDatabaseGauges } from './database-gauges';
import { countDomainEvents } from './domain-counters';
import { engineCacheMetrics } from './engine-cache-metrics';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { createHubMetrics, type HubMetrics } from './hub-metrics';
import { metricsRoute } from './metrics.route';
import { OpenSubscriptions, type SubscriptionObserver } from './open-subscriptions';
import { OperationLabels } from './operation-labels';
import { checkReadiness } from './readiness';
import { observeGraphqlRequests, requestScopes } from './request-scope.middleware';
import { sharingMetrics } from './sharing-metrics';

export interface OperationsDeps {
  config: Pick<Config, 'metricsToken' | 'metricsMaxOperations' | 'production' | 'processPollMs'>;
  database: Database;
  bus: EventBus;
  clock: Clock;
  poller: TimerPoller;
  engines: EngineCache;
  log: Logger;
}

/** What the hub's HTTP and WebSocket wiring plugs in to be observable; `stop` detaches it. */
export interface Operations {
  readonly metrics: HubMetrics;
  /** first middleware of every request: request id, log scope, access line */
  readonly requestScopes: RequestHandler;
  /** on /graphql, before Apollo: requests counted and timed by operation */
  readonly observeGraphql: RequestHandler;
  readonly apolloPlugin: ApolloServerPlugin<BaseContext>;
  readonly subscriptions: SubscriptionObserver;
  /** shared subscription executions and slow consumers dropped */
  readonly sharing: SharingObserver;
  readonly metricsRoute: RequestHandler;
  readonly readyRoute: RequestHandler;
  stop(): void;
}

/** Metrics, request scopes, readiness: the operator's view of one hub, wired once at boot. */
export function createOperations(deps: OperationsDeps): Operations {
  const { database, log } = deps;
  const metrics = createHubMetrics();
  const labels = new OperationLabels(deps.config.metricsMaxOperations);

  // Every statement the driver sends counts for the request it runs in (the same event the tests count).
  const knex = database.orm.em.getConnection().getKnex();
  const countStatement = () => {
    const scope = currentRequest();
    if (scope) scope.statements++;
  };
  knex.on('query', countStatement);
  const stopCounting = countDomainEvents(deps.bus, metrics);
  deps.poller.onFired = ({ dueAt, firedAt }) => metrics.timerLag.observe(Math.max(0, firedAt.getTime() - dueAt.getTime()) / 1000);

  const refreshEngineCache = engineCacheMetrics(metrics, deps.engines);
  const scrape = async () => {
    refreshEngineCache();
    await refreshDatabaseGauges(database.orm.em.fork(), deps.clock, metrics, log);
    return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
  };
  const pollerRunning = () => deps.poller.isRunning || deps.config.processPollMs <= 0;

  return {
    metrics,
    requestScopes: requestScopes(log),
    observeGraphql: observeGraphqlRequests(metrics),
    apolloPlugin: graphqlMetricsPlugin(labels),
    subscriptions: new OpenSubscriptions(metrics.subscriptions),
    sharing: sharingMetrics(metrics),
    metricsRoute: metricsRoute({ token: deps.config.metricsToken, production: deps.config.production }, scrape),
    readyRoute: async (_req, res) => {
      const readiness = await checkReadiness({ orm: database.orm, pollerRunning, timeoutMs: 2000 });
      res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? 'ready' : 'not ready', checks: readiness.checks });
    },
    stop: () => {
      knex.off('query', countStatement);
      stopCounting();
      deps.poller.onFired = () => undefined;
    },
  };
}
