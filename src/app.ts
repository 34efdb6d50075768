import { setMaxListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { createPubSub } from '@graphql-yoga/subscription';
import express from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { requestAuthenticator } from './composition/authenticate';
import { openHubDatabase } from './composition/database';
import { createLoaders } from './composition/loaders';
import { buildCenterSchema } from './composition/schema';
import { createServices, type Services } from './composition/services';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { capHttpAnswer } from './graphql/answer-size';
import { compiledExecutor, compiledRun } from './graphql/compiled-executor';
import type { AppContext, ContextDeps } from './graphql/context';
import { createFormatError } from './graphql/format-error';
import { operationGuard, restoreRuleCode } from './graphql/operation-guard';
import { specStatusPlugin } from './graphql/spec-status.plugin';
import { serveGraphqlWs } from './graphql/ws-transport';
import { attachmentRoutes } from './modules/attachments/attachment.routes';
import { consoleRoutes, findConsoleDir, graphiqlPage } from './modules/console/console-routes';
import { quarterlyReportRoutes } from './modules/measures/quarterly-report.routes';
import { createOperations } from './modules/operations/operations';
import { deployProcesses } from './modules/processes/deploy-processes';
import { ServiceRegistry } from './modules/processes/engine/service-registry';
import { processLimitsOf } from './modules/processes/process-limits';
import { relayEvents } from './modules/realtime/event-relay';
import { startBroadcaster } from './modules/realtime/start-broadcaster';
import { Topic } from './modules/realtime/topics';
import { seedHubIfEmpty } from './seed/seed-live-tickets';
import { type Clock, systemClock } from './shared/clock';
import { EventBus } from './shared/event-bus';
import { createLogger, type LogDestination } from './shared/logger';

/** The largest request body or WebSocket frame: room for a 1 MB diagram, JSON-escaped. */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

export interface HubOptions {
  clock?: Clock;
  /** service-task handlers to offer diagrams (tests register their own) */
  registry?: ServiceRegistry;
  /** where the JSON log lines go (stdout by default; tests read them) */
  logDestination?: LogDestination;
}

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly database: Database;
  readonly services: Services;
  readonly bus: EventBus;
  readonly schema: GraphQLSchema;
  stop(): Promise<void>;
}

/** Body-parser failures (too large, not JSON) answered as GraphQL errors rather than HTML pages. */
const jsonErrors: express.ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, _next) => {
  const status = err.status ?? 500;
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  res
    .status(status)
    .json({ errors: [{ message: status < 500 ? (err.message ?? 'bad request') : 'internal error', extensions: { code } }] });
};

/** Boots the hub: database (migrated, seeded when empty), schema, HTTP and WebSocket on one port. */
export async function startHub(config: Config, options: HubOptions = {}): Promise<Hub> {
  const clock = options.clock ?? systemClock;
  const log = createLogger({ level: config.logLevel, destination: options.logDestination });
  const database = await openHubDatabase(config, log);
  try {
    const bus = new EventBus();
    const registry = options.registry ?? new ServiceRegistry();
    const services = createServices({
      em: database.orm.em,
      clock,
      bus,
      workingHours: { start: config.workdayStart, end: config.workdayEnd },
      processLimits: processLimitsOf(config),
      ticketProcedures: config.ticketProcedures,
      slaWarningPercent: config.slaWarningPercent,
      retryDelaysMs: config.serviceRetryDelaysMs,
      registry,
    });
    await services.calendar.load(database.orm.em);
    await deployProcesses(services.processes.definitions, database.orm.em, config.processesDir);
    // Seeded once the diagrams are deployed: the live demo tickets are opened and run their procedures.
    if (config.seedOnEmpty) await seedHubIfEmpty(database.orm, services, config, clock);
    // One listener per live subscription: thousands are normal, so no "possible leak" warning.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    const pubSub = createPubSub({ eventTarget });
    const broadcaster = await startBroadcaster(database);
    const stopRelay = relayEvents(bus, broadcaster, (message) => {
      // A schedule entered on any hub: this one counts deadlines on it too.
      if (message.topic === Topic.CalendarChanged) {
        services.calendar.load(database.orm.em).catch((err: unknown) => log.error({ err }, 'calendar reload failed'));
        return;
      }
      pubSub.publish(message.topic, message.payload);
    });
    const schema = await buildCenterSchema(pubSub);
    const deps: ContextDeps = { em: database.orm.em, services, clock, createLoaders };

    const operations = createOperations({
      config,
      database,
      bus,
      clock,
      poller: services.processes.poller,
      engines: services.processes.engines,
      log,
    });
    const app = express();
    // First: every later line of the request (SQL, errors, the access line) carries its id.
    app.use(operations.requestScopes);
    // GraphQL answers POSTs, which no cache revalidates: hashing every body for an ETag is wasted work.
    app.set('etag', false);
    const httpServer = http.createServer(app);
    // Frames past 2 MB are refused by ws itself (close 1009), before any token is looked at.
    const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: MAX_REQUEST_BYTES });
    const authenticate = requestAuthenticator(deps, {
      secret: config.jwtSecret,
      jwksUrl: config.jwksUrl,
      issuer: config.jwtIssuer || undefined,
      audience: config.jwtAudience || undefined,
      requireExpiry: config.production,
    });
    const introspection = config.introspection ?? !config.production;
    const guard = operationGuard({ introspection });
    const run = compiledRun(schema);
    const baseFormat = createFormatError({ production: config.production, log: (line, error) => log.error({ err: error }, line) });
    const formatError = (formatted: GraphQLFormattedError, error: unknown) => baseFormat(restoreRuleCode(formatted, error), error);
    const wsCleanup = serveGraphqlWs(wsServer, {
      schema,
      guard,
      run,
      authenticate,
      formatError,
      maxOperations: config.wsMaxOperations,
      subscriptions: operations.subscriptions,
      sharing: operations.sharing,
      maxAnswerBytes: config.maxAnswerBytes,
      maxBufferedBytes: config.wsMaxBufferedBytes,
    });
    const apollo = new ApolloServer<AppContext>({
      gateway: compiledExecutor(schema, run),
      // Introspection is one of the guard's validation rules, so both transports refuse it alike.
      introspection: true,
      validationRules: guard.extraRules,
      parseOptions: { maxTokens: guard.maxTokens },
      allowBatchedHttpRequests: false,
      // main.ts owns SIGINT/SIGTERM and stops the whole hub; Apollo's own handlers stopped only
      // Apollo and then re-raised the signal into ours, and the process never exited.
      stopOnTerminationSignals: false,
      // Apollo's own warnings as JSON lines too, with the request id when they concern one.
      logger: log,
      formatError,
      includeStacktraceInErrorResponses: false,
      plugins: [
        // Cache hints are unused; the plugin wraps every field resolver and costs a tenth of a big page.
        ApolloServerPluginCacheControlDisabled(),
        specStatusPlugin(),
        operations.apolloPlugin,
        // A subgraph would send resolver timings to any client asking (ftv1): the hub keeps them to itself.
        ApolloServerPluginInlineTraceDisabled(),
        // Apollo's landing page loads from a CDN (blank offline): the console bundles GraphiQL instead.
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginDrainHttpServer({ httpServer }),
        {
          serverWillStart: async () => ({
            drainServer: async () => {
              await wsCleanup.dispose();
            },
          }),
        },
      ],
    });
    await apollo.start();

    app.get('/health/live', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/health/ready', operations.readyRoute);
    app.get('/metrics', operations.metricsRoute);
    // The console (src/console, built into dist/console) and, outside production, its GraphQL IDE at GET /graphql.
    const consoleDir = findConsoleDir();
    app.use('/console', consoleRoutes(consoleDir));
    if (!config.production) app.get('/graphql', graphiqlPage(consoleDir));
    app.use(
      '/graphql',
      // Room for a 1 MB diagram in a deployProcessDefinition request (JSON escaping adds some).
      operations.observeGraphql,
      express.json({ limit: MAX_REQUEST_BYTES }),
      capHttpAnswer(config.maxAnswerBytes),
      expressMiddleware(apollo, { context: ({ req }) => authenticate(req.headers.authorization) }),
    );

    // Raw bodies, read here and counted while they stream: no body parser runs on this path.
    app.use('/attachments', attachmentRoutes({ authenticate, formatError, maxBytes: config.attachmentMaxBytes }));
    // The quarterly report as a printable page, for the same tokens as /graphql.
    app.use('/reports', quarterlyReportRoutes({ authenticate, formatError }));
    app.use(jsonErrors);
    await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
    services.processes.poller.start(config.processPollMs);
    // Warnings and breaches are found on the poller's beat; a sweep that fails is tried at the next.
    const slaSweep =
      config.processPollMs > 0
        ? setInterval(() => {
            services.sla.sweep(database.orm.em.fork()).catch((err: unknown) => log.error({ err }, 'SLA sweep failed'));
          }, config.processPollMs)
        : null;
    const port = (httpServer.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}/graphql`,
      port,
      database,
      services,
      bus,
      schema,
      stop: async () => {
        // Stop taking requests first (in-flight ones finish), then the timer poller, then the rest.
        await apollo.stop();
        await services.processes.poller.stop();
        if (slaSweep) clearInterval(slaSweep);
        stopRelay();
        operations.stop();
        await broadcaster.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
