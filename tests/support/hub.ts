import 'reflect-metadata';
import { type Hub, startHub } from '../../src/app';
import { type Config, loadConfig } from '../../src/config/config';
import { DEV_JWT_SECRET, signToken } from '../../src/modules/auth/tokens';
import type { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { type Clock, ManualClock } from '../../src/shared/clock';
import type { LogDestination } from '../../src/shared/logger';
import { createTestDatabase, type TestDatabase } from './test-db';

/** Who a test request acts as: a staff user code, or an integrator for one customer. */
export type Identity = string | { customerId: string };

const tokens = new Map<string, Promise<string>>();

/** A development token, signed with the secret the test hubs use. */
export function tokenFor(as: Identity, secret = DEV_JWT_SECRET): Promise<string> {
  const key = typeof as === 'string' ? `staff:${as}` : `customer:${as.customerId}`;
  let token = tokens.get(`${key}@${secret}`);
  if (!token) {
    token = signToken(
      typeof as === 'string' ? { sub: as, kind: 'staff' } : { sub: key, kind: 'customer', customerId: as.customerId },
      secret,
    );
    tokens.set(`${key}@${secret}`, token);
  }
  return token;
}

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

export interface TestHub {
  readonly hub: Hub;
  readonly db: TestDatabase;
  readonly clock: ManualClock;
  readonly url: string;
  /** Posts one GraphQL operation with a token for `as` (a user code, or a customer); the bootstrap admin by default. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: Identity): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: Identity): Promise<T>;
  /** Counts SQL statements the hub sends while `work` runs. */
  countStatements(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }>;
  stop(): Promise<void>;
}

/** The hub on a fresh database of its own, on a free port, with a clock the test moves. */
export async function startTestHub(
  options: {
    clock?: ManualClock;
    config?: Partial<Config>;
    database?: TestDatabase;
    registry?: ServiceRegistry;
    /** where the hub's JSON log lines go (a test reading them); stdout otherwise */
    logDestination?: LogDestination;
  } = {},
): Promise<TestHub> {
  const db = options.database ?? (await createTestDatabase());
  const ownsDatabase = options.database === undefined;
  const clock = options.clock ?? new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const config = loadConfig(
    {},
    {
      databaseUrl: db.url,
      port: 0,
      seedOnEmpty: false,
      dbPoolSize: 4,
      processPollMs: 0,
      serviceRetryDelaysMs: [1, 1],
      // Warnings and errors only: an access line per request would bury the test report.
      logLevel: 'warn',
      ...options.config,
    },
  );
  const hub = await startHub(config, { clock: clock as Clock, registry: options.registry, logDestination: options.logDestination });
  const statements: string[] = [];
  let counting = false;
  const knex = hub.database.orm.em.getConnection().getKnex();
  knex.on('query', (q: { sql: string }) => {
    if (counting) statements.push(q.sql);
  });
  const gql = async <T>(query: string, variables?: Record<string, unknown>, as: Identity = 'admin'): Promise<GraphQLResponse<T>> => {
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(as, config.jwtSecret)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };
  return {
    hub,
    db,
    clock,
    url: hub.url,
    gql,
    ok: async <T>(query: string, variables?: Record<string, unknown>, as?: Identity) => {
      const res = await gql<T>(query, variables, as);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data as T;
    },
    countStatements: async (work) => {
      statements.length = 0;
      counting = true;
      try {
        await work();
      } finally {
        counting = false;
      }
      return { count: statements.length, statements: [...statements] };
    },
    stop: async () => {
      await hub.stop();
      if (ownsDatabase) await db.drop();
    },
  };
}
