import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { hubOrmOptions } from '../src/composition/database';
import { projectRoot } from '../src/db/orm-options';
import { DEV_JWT_SECRET, signToken } from '../src/modules/auth/tokens';
import { seedDemoData } from '../src/seed/seeder';

const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const DB = 'kexiang_bench';
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const PAGE = 100;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 8;
const SEED = 4242;

const dbUrl = () => {
  const url = new URL(SERVER);
  url.pathname = `/${DB}`;
  return url.toString();
};

const TICKET_PAGE = `query($first: Int!) { tickets(first: $first) { edges { node {
  id number title status priority resolutionDueAt
  customer { id name serviceLevel accountManager { id name } }
  circuits { id code bandwidthMbps }
  assignee { id name }
  history(last: 5) { at action note changes { field from to } actor { name } }
} } } }`;

/** Makes the bench database once (100,000 seeded tickets); later runs reuse it. */
async function prepareDatabase(): Promise<void> {
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [DB]);
    if (exists.rowCount) {
      const bench = new Client({ connectionString: dbUrl() });
      await bench.connect();
      try {
        const { rows } = await bench.query<{ n: string }>('select count(*) as n from ticket');
        if (Number(rows[0].n) === TICKETS) return;
      } catch {
        // not a usable bench database: make it again below
      } finally {
        await bench.end();
      }
      await admin.query(`drop database ${DB} with (force)`);
    }
    await admin.query(`create database ${DB}`);
  } finally {
    await admin.end();
  }
  const orm = await MikroORM.init(hubOrmOptions({ clientUrl: dbUrl(), poolSize: 2 }));
  try {
    await orm.getMigrator().up();
    const started = Date.now();
    await seedDemoData(orm, { seed: SEED, tickets: TICKETS, now: new Date('2026-11-20T10:00:00+08:00') });
    console.log(`seeded ${TICKETS} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await orm.em.getConnection().execute('vacuum analyze');
  } finally {
    await orm.close(true);
  }
}

function startServer(kind: 'hub' | 'floor'): Promise<{ url: string; child: ChildProcess }> {
  // Both servers run as the hub is deployed (README, "In production"): NODE_ENV=production, and
  // young-generation space of 32 MB, as `npm start` gives it.
  const child = fork(path.join(__dirname, 'serve.js'), [kind, dbUrl(), String(PAGE)], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_ENV: 'production' },
    execArgv: ['--max-semi-space-size=32'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1], child });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

const ask = (child: ChildProcess, message: string) =>
  new Promise<{ statements: number; cpuMs: number }>((resolve) => {
    child.once('message', (reply) => resolve(reply as { statements: number; cpuMs: number }));
    child.send(message);
  });

interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  sqlPerRequest: number | null;
  /** CPU time the server process used per request (all its threads), ms */
  cpuMsPerRequest: number;
}

interface Server {
  kind: 'hub' | 'floor';
  url: string;
  child: ChildProcess;
}

async function load(server: Server, seconds: number): Promise<Measurement> {
  const body = server.kind === 'hub' ? JSON.stringify({ query: TICKET_PAGE, variables: { first: PAGE } }) : undefined;
  const request = {
    url: server.url,
    method: server.kind === 'hub' ? ('POST' as const) : ('GET' as const),
    body,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await signToken({ sub: 'admin', kind: 'staff' }, DEV_JWT_SECRET)}`,
    },
  };
  server.child.send('reset');
  const result = await autocannon({ ...request, connections: CONNECTIONS, duration: seconds });
  const { statements, cpuMs } = await ask(server.child, 'stats');
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    sqlPerRequest: server.kind === 'floor' ? 1 : statements / result.requests.total,
    cpuMsPerRequest: Number((cpuMs / result.requests.total).toFixed(2)),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The two servers take turns, ROUNDS times, so a slow spell of the machine hits both; each
 * figure is the median of its rounds.
 */
async function measureInTurns(): Promise<{ floor: Measurement; hub: Measurement; rounds: { floor: number; hub: number }[] }> {
  const servers = [await startServer('floor'), await startServer('hub')].map(
    (s, i) => ({ ...s, kind: i === 0 ? 'floor' : 'hub' }) as Server,
  );
  try {
    for (const server of servers) await load(server, 3); // warm-up: JIT, caches, pools
    const runs: Record<'floor' | 'hub', Measurement[]> = { floor: [], hub: [] };
    for (let round = 0; round < ROUNDS; round++) for (const server of servers) runs[server.kind].push(await load(server, DURATION));
    const pick = (list: Measurement[]) =>
      list.find((m) => m.requestsPerSecond === median(list.map((x) => x.requestsPerSecond))) as Measurement;
    return {
      floor: pick(runs.floor),
      hub: pick(runs.hub),
      rounds: runs.floor.map((f, i) => ({ floor: f.requestsPerSecond, hub: runs.hub[i].requestsPerSecond })),
    };
  } finally {
    for (const server of servers) server.child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  await prepareDatabase();
  const { floor, hub, rounds } = await measureInTurns();
  const ratio = hub.requestsPerSecond / floor.requestsPerSecond;
  const result = {
    benchmark: 'ticket page (100 tickets with customer, account manager, circuits, assignee, last 5 events)',
    at: new Date().toISOString(),
    tickets: TICKETS,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds,
    floor,
    hub,
    hubToFloorThroughput: Number(ratio.toFixed(3)),
    target: 0.4,
  };
  mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(projectRoot, 'bench', 'results', 'ticket-page.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.table(rounds);
  console.table({ floor, hub });
  console.log(`hub / floor throughput: ${(ratio * 100).toFixed(1)}% (target ≥ 40%)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
