import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from '../shared/logger';

/** The development secret: tokens signed with it are refused in production. */
export const DEV_JWT_SECRET = 'kexiang-development-secret-do-not-use-in-production';

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
const positive = (raw: string): number => {
  const n = int(raw);
  if (n === 0) throw new Error('expected at least 1, got "0"');
  return n;
};
const bool = (raw: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};
const text = (raw: string): string => raw;
const logLevel = (raw: string): LogLevel => {
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new Error(`expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
};
const hhmm = (raw: string): string => {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) throw new Error(`expected a time as HH:MM, got "${raw}"`);
  return raw;
};

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
  processStepMaxActivities: {
    env: 'PROCESS_STEP_MAX_ACTIVITIES',
    doc: 'activities entered plus expressions evaluated in one process step before it becomes an incident',
    default: 1000,
    parse: int,
  },
  processStepMaxMs: {
    env: 'PROCESS_STEP_MAX_MS',
    doc: 'wall time of one process step, in ms, before it becomes an incident',
    default: 5000,
    parse: int,
  },
  processTimerMinCycleMs: {
    env: 'PROCESS_TIMER_MIN_CYCLE_MS',
    doc: 'shortest time between two firings of a repeating BPMN timer, in ms (shorter cycles are refused)',
    default: 60_000,
    parse: int,
  },
  processTimerMaxRepeats: {
    env: 'PROCESS_TIMER_MAX_REPEATS',
    doc: 'most repetitions a BPMN timer cycle may have (more, or unbounded R/, is refused)',
    default: 1000,
    parse: int,
  },
  processTimersPerPoll: {
    env: 'PROCESS_TIMERS_PER_POLL',
    doc: 'due timers one round of a poll fires; while more are due the poll runs round after round',
    default: 100,
    parse: int,
  },
  processEngineCacheMb: {
    env: 'PROCESS_ENGINE_CACHE_MB',
    doc: 'memory for settled engines of waiting instances, in MB (estimated from their diagrams): a step of a kept one resumes it instead of recovering it from the database (0: keep none)',
    default: 64,
    parse: int,
  },
  processEngineCacheEngines: {
    env: 'PROCESS_ENGINE_CACHE_ENGINES',
    doc: 'settled engines kept at most, whatever their size (0: keep none)',
    default: 1000,
    parse: int,
  },
  processTimerConcurrency: {
    env: 'PROCESS_TIMER_CONCURRENCY',
    doc: 'due timers a poll fires side by side, each step in its own transaction and connection (keep it below DB_POOL_SIZE)',
    default: 4,
    parse: positive,
  },
  processTimerBatch: {
    env: 'PROCESS_TIMER_BATCH',
    doc: 'due timers a poll claims at once, oldest due first; the poll claims again as they fire',
    default: 20,
    parse: positive,
  },
  processTimerLeaseMs: {
    env: 'PROCESS_TIMER_LEASE_MS',
    doc: "how long a hub's claim on due timers holds, in ms: the timers of a hub that crashed fire elsewhere after it",
    default: 30_000,
    parse: positive,
  },
  production: {
    env: 'PRODUCTION',
    doc: 'production mode: no introspection (unless INTROSPECTION), no suggestions, internal errors masked, the development secret and tokens without exp refused; on when NODE_ENV=production',
    // The real default is NODE_ENV=production (see loadConfig), as Node users expect.
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
  jwtIssuer: { env: 'JWT_ISSUER', doc: 'when set, tokens must carry this issuer (iss)', default: '', parse: text },
  jwtAudience: { env: 'JWT_AUDIENCE', doc: 'when set, tokens must carry this audience (aud)', default: '', parse: text },
  maxAnswerBytes: {
    env: 'MAX_ANSWER_BYTES',
    doc: 'largest answer to one operation, in bytes; a larger one is replaced by a RESPONSE_TOO_LARGE error',
    default: 8 * 1024 * 1024,
    parse: int,
  },
  attachmentMaxBytes: {
    env: 'ATTACHMENT_MAX_BYTES',
    doc: 'largest attachment POST /attachments takes, in bytes, counted while it streams in; a larger one is refused with 413',
    default: 20 * 1024 * 1024,
    parse: int,
  },
  wsMaxOperations: {
    env: 'WS_MAX_OPERATIONS',
    doc: 'operations (mostly subscriptions) one WebSocket connection may run at once',
    default: 50,
    parse: int,
  },
  wsMaxBufferedBytes: {
    env: 'WS_MAX_BUFFERED_BYTES',
    doc: 'bytes a WebSocket may have waiting unsent before the hub closes it (1013, slow consumer) rather than send it more; 0: no limit',
    default: 4 * 1024 * 1024,
    parse: int,
  },
  ticketProcedures: {
    env: 'TICKET_PROCEDURES',
    doc: "which ticket kind starts which procedure, as KIND=key,KIND=key (empty: none; unset: each procedure's own kinds, today FAULT=fault-handling)",
    default: undefined as string | undefined,
    parse: text,
  },
  slaWarningPercent: {
    env: 'SLA_WARNING_PERCENT',
    doc: "when a ticket's SLA clock warns its owner, as a percentage of its window",
    default: 80,
    parse: int,
  },
  workdayStart: {
    env: 'WORKDAY_START',
    doc: 'when the working day begins, HH:MM China time (working-hour deadlines count from here)',
    default: '08:30',
    parse: hhmm,
  },
  workdayEnd: {
    env: 'WORKDAY_END',
    doc: 'when the working day ends, HH:MM China time ("within N working days" ends here)',
    default: '17:30',
    parse: hhmm,
  },
  statementTimeoutMs: {
    env: 'STATEMENT_TIMEOUT_MS',
    doc: 'PostgreSQL cancels a statement running longer than this (0: no limit)',
    default: 10000,
    parse: int,
  },
  logSql: { env: 'LOG_SQL', doc: 'log every SQL statement (with its request id, values left out)', default: false, parse: bool },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'least severe log lines written as JSON on stdout: fatal, error, warn, info, debug, trace or silent',
    default: 'info' as LogLevel,
    parse: logLevel,
  },
  metricsToken: {
    env: 'METRICS_TOKEN',
    doc: 'bearer token a scraper must send to read /metrics; when empty, /metrics is open outside production and off (404) in production',
    default: '',
    parse: text,
  },
  metricsMaxOperations: {
    env: 'METRICS_MAX_OPERATIONS',
    doc: 'distinct GraphQL operation names /metrics labels by name; operations named later are counted as __other',
    default: 200,
    parse: int,
  },
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
  if (env.PRODUCTION === undefined || env.PRODUCTION === '') out.production = env.NODE_ENV === 'production';
  const config = { ...(out as Config), ...overrides };
  config.dataDir = path.resolve(config.dataDir);
  config.processesDir = path.resolve(config.processesDir);
  if (config.production && !config.jwksUrl && config.jwtSecret === DEV_JWT_SECRET) {
    throw new Error('Setting JWT_SECRET: production needs a secret of its own (or JWKS_URL)');
  }
  return config;
}
