import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { type Hub, startHub } from '../src/app';
import { type Config, loadConfig } from '../src/config/config';
import { projectRoot } from '../src/db/orm-options';
import { systemActor } from '../src/shared/service-context';

/**
 * Timer lag: INSTANCES instances wait on timers that fall due in the same second, then the hub's
 * poller (on its real beat, POLL_MS) fires them; lag is fired_at - due_at, read from the database.
 * Three runs on one database: one hub firing one timer at a time (the floor: how timers fired before
 * they were claimed in batches), one hub with PROCESS_TIMER_CONCURRENCY (default 4), and two hubs,
 * the second in a process of its own. PROCESS_TIMER_* settings in the environment apply to every run
 * but the floor.
 */

const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const DB = 'kexiang_bench_timers';
const INSTANCES = Number(process.env.BENCH_TIMERS ?? 1000);
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 50);
const STARTERS = 8;
const FIRED_WITHIN_MS = 10 * 60_000;
const TARGET_P99_LAG_SECONDS = 2;
const KEY = 'bench-timer';
const SECOND_HUB = '--second-hub';

const dbUrl = () => Object.assign(new URL(SERVER), { pathname: `/${DB}` }).toString();
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The hub as the bench runs it; its poller is started by hand once the timers are in place (processPollMs 0). */
const hubConfig = (overrides: Partial<Config> = {}): Config =>
  loadConfig(process.env, { databaseUrl: dbUrl(), port: 0, seedOnEmpty: false, processPollMs: 0, logLevel: 'warn', ...overrides });

async function freshDatabase(): Promise<void> {
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
}

const sql = <T>(hub: Hub, text: string, params: unknown[] = []) => hub.database.orm.em.fork().execute<T[]>(text, params);

/** Instances waiting on their timer, due far ahead for now; `STARTERS` started at once. */
async function startWaiting(hub: Hub, tag: string): Promise<string[]> {
  const ids: string[] = [];
  const farAhead = new Date(Date.now() + 24 * 3600_000).toISOString();
  let next = 0;
  const starter = async () => {
    for (let i = next++; i < INSTANCES; i = next++) {
      const ctx = { em: hub.database.orm.em.fork(), actor: systemActor };
      ids.push((await hub.services.processes.runner.start(ctx, KEY, `${tag}-${i}`, { at: farAhead })).id);
    }
  };
  await Promise.all(Array.from({ length: STARTERS }, starter));
  return ids;
}

/**
 * Moves every timer of `ids` to the next whole second but one, as a moved ticket deadline moves
 * its timers (the engine keeps no expiry of its own: the row's due_at is what the poller reads).
 */
async function dueTogether(hub: Hub, ids: string[]): Promise<Date> {
  const dueAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
  await sql(hub, `update process_timer set due_at = ? where instance_id = any(?::uuid[]) and status = 'PENDING'`, [dueAt, `{${ids}}`]);
  return dueAt;
}

async function firedCount(hub: Hub, ids: string[]): Promise<number> {
  const [row] = await sql<{ n: number }>(
    hub,
    `select count(*)::int as n from process_timer where instance_id = any(?::uuid[]) and status = 'FIRED'`,
    [`{${ids}}`],
  );
  return row.n;
}

interface RunResult {
  hubs: number;
  concurrency: number;
  timers: number;
  lagSeconds: { p50: number; p99: number; max: number };
  /** from the common due time to the last timer fired */
  wallSeconds: number;
  timersPerSecond: number;
  firedByHub: number[];
  eachFiredOnce: boolean;
  /** the machine's 1-minute load average as the run began: other work on it shows here */
  loadAverageAtStart: number;
}

/** Lag and exactly-once, from the rows: every timer fired, one timer row and one pass through the wait per instance. */
async function measure(hub: Hub, ids: string[], hubs: number, concurrency: number): Promise<Omit<RunResult, 'loadAverageAtStart'>> {
  const list = `{${ids}}`;
  const timers = await sql<{ lag: string; claimed_by: string; status: string }>(
    hub,
    `select extract(epoch from fired_at - due_at) as lag, claimed_by, status from process_timer where instance_id = any(?::uuid[])`,
    [list],
  );
  const fired = timers.filter((t) => t.status === 'FIRED');
  const lags = fired.map((t) => Number(t.lag));
  const [once] = await sql<{ completed: number; passes: number; repeated: number }>(
    hub,
    `select (select count(*)::int from process_instance where id = any(?::uuid[]) and status = 'COMPLETED') as completed,
       (select count(*)::int from process_activity where instance_id = any(?::uuid[]) and element_id = 'wait' and left_at is not null) as passes,
       (select count(*)::int from (select instance_id from process_timer where instance_id = any(?::uuid[])
          group by instance_id having count(*) <> 1) x) as repeated`,
    [list, list, list],
  );
  const byHub = new Map<string, number>();
  for (const t of fired) byHub.set(t.claimed_by, (byHub.get(t.claimed_by) ?? 0) + 1);
  const [span] = await sql<{ wall: string }>(
    hub,
    'select extract(epoch from max(fired_at) - min(due_at)) as wall from process_timer where instance_id = any(?::uuid[])',
    [list],
  );
  const wallSeconds = Number(span.wall);
  const round = (n: number) => Number(n.toFixed(3));
  return {
    hubs,
    concurrency,
    timers: ids.length,
    lagSeconds: { p50: round(percentile(lags, 50)), p99: round(percentile(lags, 99)), max: round(Math.max(...lags)) },
    wallSeconds: round(wallSeconds),
    timersPerSecond: Number((fired.length / wallSeconds).toFixed(1)),
    firedByHub: [...byHub.values()].sort((a, b) => b - a),
    eachFiredOnce:
      fired.length === ids.length &&
      timers.length === ids.length &&
      once.completed === ids.length &&
      once.passes === ids.length &&
      once.repeated === 0,
  };
}

/** A second hub in its own process (Node runs JavaScript on one core; this machine has two), polling from boot. */
async function startSecondHub(overrides: Partial<Config>): Promise<{ stop(): Promise<void> }> {
  const child = fork(__filename, [SECOND_HUB, JSON.stringify(overrides)], { execArgv: process.execArgv, stdio: 'inherit' });
  const message = () => new Promise<unknown>((resolve, reject) => child.once('message', resolve).once('error', reject));
  await message();
  return {
    stop: async () => {
      const stopped = message();
      child.send('stop');
      await stopped;
    },
  };
}

async function secondHub(overrides: Partial<Config>): Promise<void> {
  const hub = await startHub(hubConfig({ ...overrides, processPollMs: POLL_MS }));
  process.once('message', async () => {
    await hub.stop();
    process.send?.('stopped', () => process.exit(0));
  });
  process.send?.('ready');
}

/** One run: instances waiting, their timers due in one second, the poller(s) on their beat until all fired. */
async function run(tag: string, overrides: Partial<Config>, hubs: 1 | 2): Promise<RunResult> {
  const loadAverageAtStart = Number(loadavg()[0].toFixed(2));
  const hub = await startHub(hubConfig(overrides));
  try {
    const ids = await startWaiting(hub, tag);
    const second = hubs === 2 ? await startSecondHub(overrides) : null;
    await dueTogether(hub, ids);
    hub.services.processes.poller.start(POLL_MS);
    const giveUp = Date.now() + FIRED_WITHIN_MS;
    while ((await firedCount(hub, ids)) < ids.length && Date.now() < giveUp) await sleep(100);
    await hub.services.processes.poller.stop();
    await second?.stop();
    const result = { ...(await measure(hub, ids, hubs, hub.services.processes.limits.timerConcurrency)), loadAverageAtStart };
    console.log(
      `${tag}: ${hubs} hub(s), concurrency ${result.concurrency}: lag p50 ${result.lagSeconds.p50} s, p99 ${result.lagSeconds.p99} s, ` +
        `max ${result.lagSeconds.max} s; ${result.timersPerSecond} timers/s; fired by hub ${result.firedByHub.join(' + ')}; ` +
        `each once: ${result.eachFiredOnce} (load ${loadAverageAtStart} on ${cpus().length} cores)`,
    );
    return result;
  } finally {
    await hub.stop();
  }
}

async function main(): Promise<void> {
  await freshDatabase();
  const setup = await startHub(hubConfig());
  try {
    const xml = readFileSync(path.join(projectRoot, 'bench', 'timer-wait.bpmn'), 'utf8');
    await setup.services.processes.definitions.deploy({ em: setup.database.orm.em.fork(), actor: systemActor }, xml);
  } finally {
    await setup.stop();
  }
  const floor = await run('one-at-a-time', { processTimerConcurrency: 1, processTimerBatch: 1 }, 1);
  const oneHub = await run('one-hub', {}, 1);
  const twoHubs = await run('two-hubs', {}, 2);
  const result = {
    benchmark: `${INSTANCES} instances whose timers fall due in the same second; lag = fired_at - due_at, from the database`,
    at: new Date().toISOString(),
    pollMs: POLL_MS,
    cores: cpus().length,
    batch: hubConfig().processTimerBatch,
    floorOneAtATime: floor,
    oneHub,
    twoHubs,
    oneHubP99ToFloor: Number((oneHub.lagSeconds.p99 / floor.lagSeconds.p99).toFixed(3)),
    target: { oneHubP99LagSeconds: TARGET_P99_LAG_SECONDS, eachFiredOnce: true },
    targetMet: oneHub.lagSeconds.p99 < TARGET_P99_LAG_SECONDS && oneHub.eachFiredOnce && twoHubs.eachFiredOnce,
  };
  mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(projectRoot, 'bench', 'results', 'timers.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`target (p99 < ${TARGET_P99_LAG_SECONDS} s on one hub, each fired once): ${result.targetMet ? 'met' : 'NOT met'}`);
}

const secondHubAt = process.argv.indexOf(SECOND_HUB);
(secondHubAt >= 0 ? secondHub(JSON.parse(process.argv[secondHubAt + 1] ?? '{}') as Partial<Config>) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
