import { setMaxListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { createPubSub } from '@graphql-yoga/subscription';
import express from 'express';
import { GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Config } from './config/config';
import { type Database, openDatabase } from './db/database';
import { armorProtection, operationLimits } from './graphql/armor';
import { compiledExecutor } from './graphql/compiled-executor';
import { type AppContext, type ContextDeps, createContext } from './graphql/context';
import { createFormatError } from './graphql/format-error';
import { buildHubSchema } from './graphql/schema';
import { assertCustomerMayRun } from './modules/auth/auth-checker';
import { tokenVerifier } from './modules/auth/tokens';
import { defaultCalendar } from './modules/calendar/business-calendar';
import { deployProcesses } from './modules/processes/deploy-processes';
import { registerDomainHandlers } from './modules/processes/domain-handlers';
import { ServiceRegistry } from './modules/processes/engine/service-registry';
import { relayEvents } from './modules/realtime/event-relay';
import { startBroadcaster } from './modules/realtime/start-broadcaster';
import { seedIfEmpty } from './seed/seed-if-empty';
import { createServices, type Services } from './services';
import { type Clock, systemClock } from './shared/clock';
import { EventBus } from './shared/event-bus';
import type { Actor } from './shared/service-context';

export interface HubOptions {
  clock?: Clock;
  /** service-task handlers to offer diagrams (tests register their own) */
  registry?: ServiceRegistry;
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

const bearerOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A missing or refused token answers 401 with UNAUTHENTICATED before anything runs. */
async function authenticate(
  verify: (authorization: string | undefined) => Promise<Actor>,
  authorization: string | undefined,
): Promise<Actor> {
  try {
    return await verify(authorization);
  } catch (err) {
    throw new GraphQLError((err as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** Ready means the database answers a query within `ms`; a dead connection must not hang the probe. */
async function databaseAnswers(database: Database, ms: number): Promise<boolean> {
  const check = database.orm.em
    .getConnection()
    .execute('select 1')
    .then(() => true)
    .catch(() => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref());
  return Promise.race([check, timeout]);
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
  const database = await openDatabase(config);
  try {
    if (config.seedOnEmpty) await seedIfEmpty(database.orm, { seed: config.seed, tickets: config.seedTickets, now: clock.now() });
    const bus = new EventBus();
    const registry = options.registry ?? new ServiceRegistry();
    registerDomainHandlers(registry, clock);
    const services = createServices({
      em: database.orm.em,
      clock,
      bus,
      calendar: defaultCalendar,
      retryDelaysMs: config.serviceRetryDelaysMs,
      registry,
    });
    await deployProcesses(services, database.orm.em, config.processesDir);
    // One listener per live subscription: thousands are normal, so no "possible leak" warning.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    const pubSub = createPubSub({ eventTarget });
    const broadcaster = await startBroadcaster(database);
    const stopRelay = relayEvents(bus, broadcaster, (message) => pubSub.publish(message.topic, message.payload));
    const schema = await buildHubSchema(pubSub);
    const deps: ContextDeps = { em: database.orm.em, services, clock };

    const app = express();
    // GraphQL answers POSTs, which no cache revalidates: hashing every body for an ETag is wasted work.
    app.set('etag', false);
    const httpServer = http.createServer(app);
    const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
    const verify = tokenVerifier({ secret: config.jwtSecret, jwksUrl: config.jwksUrl });
    const wsCleanup = useServer(
      {
        schema,
        // The token comes in connection_init; a connection without a good one is closed (4403).
        onConnect: async (ctx) => {
          try {
            await verify(bearerOf(ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization));
            return true;
          } catch {
            return false;
          }
        },
        context: async (ctx) =>
          createContext(deps, await verify(bearerOf(ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization))),
        onOperation: async (_ctx, _id, _payload, args) => {
          const operation = args.document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
          try {
            if (operation) assertCustomerMayRun(operation, (args.contextValue as AppContext).actor);
          } catch (err) {
            return { errors: [err as GraphQLError] };
          }
        },
      },
      wsServer,
    );
    const armor = armorProtection(config.production);
    const apollo = new ApolloServer<AppContext>({
      gateway: compiledExecutor(schema),
      introspection: config.introspection ?? !config.production,
      validationRules: armor.validationRules,
      parseOptions: { maxTokens: operationLimits.maxTokens },
      allowBatchedHttpRequests: false,
      // main.ts owns SIGINT/SIGTERM and stops the whole hub; Apollo's own handlers stopped only
      // Apollo and then re-raised the signal into ours, and the process never exited.
      stopOnTerminationSignals: false,
      formatError: createFormatError({ production: config.production }),
      includeStacktraceInErrorResponses: false,
      plugins: [
        ...armor.plugins,
        {
          requestDidStart: async () => ({
            didResolveOperation: async ({ operation, contextValue }) => {
              if (operation) assertCustomerMayRun(operation, contextValue.actor);
            },
          }),
        },
        // Cache hints are unused; the plugin wraps every field resolver and costs a tenth of a big page.
        ApolloServerPluginCacheControlDisabled(),
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
    app.get('/health/ready', async (_req, res) => {
      const ready = await databaseAnswers(database, 2000);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
    });
    app.use(
      '/graphql',
      // Room for a 1 MB diagram in a deployProcessDefinition request (JSON escaping adds some).
      express.json({ limit: '2mb' }),
      expressMiddleware(apollo, { context: async ({ req }) => createContext(deps, await authenticate(verify, req.headers.authorization)) }),
    );

    app.use(jsonErrors);
    await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
    services.processes.poller.start(config.processPollMs);
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
        stopRelay();
        await broadcaster.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
