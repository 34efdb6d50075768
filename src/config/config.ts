import path from 'node:path';
import { DEV_JWT_SECRET } from '../modules/auth/tokens';

/** One documented setting: where it comes from, its default, and how to read it. */
interface Setting<T> {
  env: string;
  doc: string;
  default: T;
  parse: (raw: string) => T;
}

const int = (raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got "${raw}"`);
  return n;
};
const bool = (raw: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};
const text = (raw: string): string => raw;

/** Every setting of the hub. The README's settings table is written from this list. */
export const settings = {
  port: { env: 'PORT', doc: 'HTTP and WebSocket port (GraphQL at /graphql)', default: 4000, parse: int },
  databaseUrl: {
    env: 'DATABASE_URL',
    doc: 'PostgreSQL URL; when empty the hub runs an embedded PostgreSQL (PGlite) in DATA_DIR',
    default: '',
    parse: text,
  },
  dataDir: { env: 'DATA_DIR', doc: 'where the embedded database keeps its files', default: './data', parse: text },
  seedOnEmpty: { env: 'SEED_ON_EMPTY', doc: 'load demo data when the database has no customers', default: true, parse: bool },
  seed: { env: 'SEED', doc: 'seed number of the deterministic demo data', default: 20260101, parse: int },
  seedTickets: { env: 'SEED_TICKETS', doc: 'how many demo tickets the seeder makes', default: 3000, parse: int },
  dbPoolSize: { env: 'DB_POOL_SIZE', doc: 'connections to PostgreSQL (the embedded database always uses 1)', default: 10, parse: int },
  processesDir: { env: 'PROCESSES_DIR', doc: 'BPMN diagrams deployed at start', default: './processes', parse: text },
  processPollMs: {
    env: 'PROCESS_POLL_MS',
    doc: 'how often due timers are fired, in ms (0: never, tests fire them)',
    default: 1000,
    parse: int,
  },
  serviceRetryDelaysMs: {
    env: 'SERVICE_RETRY_DELAYS_MS',
    doc: 'waits before retrying a failing service task, in ms (two retries: three tries in all)',
    default: [200, 1000] as number[],
    parse: (raw: string): number[] => raw.split(',').map((part) => int(part.trim())),
  },
  production: {
    env: 'PRODUCTION',
    doc: 'production mode: no introspection (unless INTROSPECTION), no field suggestions, internal errors masked',
    default: false,
    parse: bool,
  },
  introspection: {
    env: 'INTROSPECTION',
    doc: 'allow introspection; defaults to on outside production',
    default: undefined as boolean | undefined,
    parse: bool,
  },
  jwtSecret: {
    env: 'JWT_SECRET',
    doc: 'shared secret (HS256) that bearer tokens are signed with; the built-in development secret is refused in production',
    default: DEV_JWT_SECRET,
    parse: text,
  },
  jwksUrl: { env: 'JWKS_URL', doc: 'verify bearer tokens with the keys published here instead of JWT_SECRET', default: '', parse: text },
  statementTimeoutMs: {
    env: 'STATEMENT_TIMEOUT_MS',
    doc: 'PostgreSQL cancels a statement running longer than this (0: no limit)',
    default: 10000,
    parse: int,
  },
  logSql: { env: 'LOG_SQL', doc: 'print every SQL statement', default: false, parse: bool },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: Settings[K]['default'] };

/** Reads and validates the settings; fails at boot with the name of the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env];
    try {
      out[key] = raw === undefined || raw === '' ? setting.default : setting.parse(raw);
    } catch (err) {
      throw new Error(`Setting ${setting.env}: ${(err as Error).message}`);
    }
  }
  const config = { ...(out as Config), ...overrides };
  config.dataDir = path.resolve(config.dataDir);
  config.processesDir = path.resolve(config.processesDir);
  if (config.production && !config.jwksUrl && config.jwtSecret === DEV_JWT_SECRET) {
    throw new Error('Setting JWT_SECRET: production needs a secret of its own (or JWKS_URL)');
  }
  return config;
}
