import 'reflect-metadata';
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Timers } from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { deserialize } from 'moddle-context-serializer';
import { Client } from 'pg';
import { type Hub, startHub } from '../src/app';
import { loadConfig } from '../src/config/config';
import { projectRoot } from '../src/db/orm-options';
import { parseDiagram } from '../src/modules/processes/bpmn/moddle';
import { boundedTypeResolver } from '../src/modules/processes/engine/bounded-elements';
import { quietLogger, runStep } from '../src/modules/processes/engine/run-step';
import { serializeSource } from '../src/modules/processes/engine/serialize-source';
import { systemActor } from '../src/shared/service-context';

const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const DB = 'kexiang_bench_processes';
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 300);
const HUB_RUNS = Number(process.env.BENCH_HUB_RUNS ?? 200);
const WAITING = Number(process.env.BENCH_WAITING ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
/**
 * The bench's diagram: fault handling as four user tasks with a restore deadline and its chase,
 * the shape the earlier measurements were taken on (processes/fault-handling.bpmn has since grown
 * service tasks that need a ticket). The tests deploy it too.
 */
const DIAGRAM = path.join(projectRoot, 'tests', 'fixtures', 'bpmn', 'four-task-fault.bpmn');
const KEY = 'four-task-fault';
const TASKS = ['acknowledge', 'diagnose', 'restore', 'confirmAndReport'];
const FORMS: Record<string, Record<string, unknown>> = {
  acknowledge: { impact: true },
  diagnose: { cause: '光缆中断', maintainer: 'OPS' },
  restore: {},
  confirmAndReport: { customerConfirmed: true },
};

const dbUrl = () => Object.assign(new URL(SERVER), { pathname: `/${DB}` }).toString();
const rssMb = () => {
  global.gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
};

/**
 * The floor: the same diagram on bare bpmn-engine, one engine per instance kept in memory, nothing
 * persisted. The XML is parsed once, as the hub parses it once at deployment, and the
 * diagram deserialized once per instance.
 */
async function floor(): Promise<number> {
  const xml = readFileSync(DIAGRAM, 'utf8');
  const serialized = serializeSource(await parseDiagram(xml));
  // The hub's element behaviours (bounded-elements.ts): the diagram's timers are written in the
  // hub's syntax ("1 working day"), which bpmn-elements' own timer cannot parse.
  const typeResolver = boundedTypeResolver;
  const started = Date.now();
  for (let i = 0; i < FLOOR_RUNS; i++) {
    const engine = new Engine({
      name: `floor-${i}`,
      sourceContext: deserialize(JSON.parse(serialized), typeResolver),
      timers: new Timers({ setTimeout: (() => ({})) as never, clearTimeout: () => undefined }),
      Logger: quietLogger, // as the hub runs it
    } as never);
    const listener = new EventEmitter();
    const ended = new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve());
      engine.once('error', reject);
    });
    const waits: string[] = [];
    let wake: (() => void) | null = null;
    listener.on('activity.wait', (api: { id: string }) => {
      waits.push(api.id);
      wake?.();
    });
    const execution = await engine.execute({ listener });
    for (const task of TASKS) {
      while (!waits.includes(task)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      execution.signal({ id: task, ...FORMS[task] });
    }
    await ended;
  }
  return FLOOR_RUNS / ((Date.now() - started) / 1000);
}

/**
 * The second floor: the same engine work the hub does, without the database. Every step recovers
 * the engine from the previous step's saved state and drops it, as "nothing waits in memory"
 * asks, through the hub's own step function.
 */
async function recoveryFloor(): Promise<number> {
  const xml = readFileSync(DIAGRAM, 'utf8');
  const serializedSource = serializeSource(await parseDiagram(xml));
  const base = { businessKey: null, serializedSource, services: () => undefined, retryDelaysMs: [] };
  const started = Date.now();
  for (let i = 0; i < FLOOR_RUNS; i++) {
    let step = await runStep({ ...base, instanceId: `recovery-${i}`, state: null, variables: {} });
    for (const task of TASKS) {
      const output = FORMS[task];
      step = await runStep({
        ...base,
        instanceId: `recovery-${i}`,
        state: JSON.parse(step.state),
        variables: step.variables,
        action: (execution) => execution.signal({ id: task, ...output }),
      });
    }
    if (step.outcome !== 'completed') throw new Error(`recovery floor: instance ended ${step.outcome}`);
  }
  return FLOOR_RUNS / ((Date.now() - started) / 1000);
}

async function freshDatabase(): Promise<void> {
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
}

async function prepareHub(hub: Hub): Promise<void> {
  const em = hub.database.orm.em;
  await hub.services.processes.definitions.deploy({ em: em.fork(), actor: systemActor }, readFileSync(DIAGRAM, 'utf8'));
  const departments = await em.fork().execute<{ id: string; code: string }[]>('select id, code from department');
  await hub.services.org.createUser(
    { em: em.fork(), actor: systemActor },
    {
      code: 'bench.ops',
      name: '压测',
      departmentId: departments.find((d) => d.code === 'OPS')?.id ?? '',
      roles: ['OPERATIONS', 'RESPONSE_CENTER'] as never,
    },
  );
}

type Ctx = () => { em: ReturnType<Hub['database']['orm']['em']['fork']>; actor: { kind: 'staff'; userCode: string; customerId: null } };
const contextOf =
  (hub: Hub): Ctx =>
  () => ({ em: hub.database.orm.em.fork(), actor: { kind: 'staff' as const, userCode: 'bench.ops', customerId: null } });

/** Completes the open task `task` of an instance on `hub`. */
async function completeOn(hub: Hub, instanceId: string, task: string): Promise<void> {
  const ctx = contextOf(hub);
  const [open] = await hub.services.processes.tasks.queue(ctx(), { instanceId });
  if (open?.elementId !== task) throw new Error(`expected ${task}, got ${open?.elementId}`);
  await hub.services.processes.tasks.complete(ctx(), open.id, FORMS[task]);
}

/**
 * Instances run end to end through the services; `concurrency` of them in flight at once, as a
 * center runs many. With `elsewhere`, every other step goes to another hub: each step finds the
 * row moved on by the other hub, so none can resume a kept engine.
 */
async function hubThroughput(
  hub: Hub,
  concurrency: number,
  runs: number,
  tag: string,
  elsewhere?: (instanceId: string, task: string) => Promise<void>,
): Promise<number> {
  const ctx = contextOf(hub);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < runs; i = next++) {
      const instance = await hub.services.processes.runner.start(ctx(), KEY, `bench-${tag}-${i}`, {});
      for (const [n, task] of TASKS.entries()) {
        if (elsewhere && n % 2 === 0) await elsewhere(instance.id, task);
        else await completeOn(hub, instance.id, task);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return runs / ((Date.now() - started) / 1000);
}

/** A hub on the bench database in a forked process (Node runs JavaScript on one core; this machine has two). */
interface SecondHub {
  run(runs: number, concurrency: number, tag: string): Promise<number>;
  complete(instanceId: string, task: string): Promise<void>;
  stop(): Promise<void>;
}

type OrderBody =
  | { kind: 'run'; runs: number; concurrency: number; tag: string }
  | { kind: 'complete'; instanceId: string; task: string }
  | { kind: 'stop' };
type Order = OrderBody & { id: number };
type Reply = { id: number; rate?: number; error?: string };

async function forkSecondHub(): Promise<SecondHub> {
  const child = fork(__filename, [SECOND_HUB], { execArgv: process.execArgv, stdio: 'inherit' });
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  child.on('message', (m: Reply | { ready: true }) => {
    if ('ready' in m) return ready();
    const waiter = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) waiter?.reject(new Error(m.error));
    else waiter?.resolve(m);
  });
  await started;
  let ids = 0;
  const ask = (order: OrderBody) =>
    new Promise<Reply>((resolve, reject) => {
      const id = ++ids;
      pending.set(id, { resolve, reject });
      child.send({ ...order, id });
    });
  return {
    run: async (runs, concurrency, tag) => (await ask({ kind: 'run', runs, concurrency, tag })).rate ?? 0,
    complete: async (instanceId, task) => {
      await ask({ kind: 'complete', instanceId, task });
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask({ kind: 'stop' });
      await exited;
    },
  };
}

/** Two hubs, each with `concurrency` instances in flight, every instance staying on its hub: the machine's throughput. */
async function twoHubsThroughput(hub: Hub, second: SecondHub, concurrency: number): Promise<number> {
  const half = Math.floor(HUB_RUNS / 2);
  const started = Date.now();
  await Promise.all([hubThroughput(hub, concurrency, half, 'first-of-two'), second.run(HUB_RUNS - half, concurrency, 'second-of-two')]);
  return HUB_RUNS / ((Date.now() - started) / 1000);
}

const SECOND_HUB = '--second-hub';

/** The second hub's process: starts a hub on the bench database, does what it is sent, reports. */
async function secondHub(): Promise<void> {
  const hub = await startHub(loadConfig({}, { databaseUrl: dbUrl(), port: 0, seedOnEmpty: false, processPollMs: 0 }));
  const reply = (r: Reply) => process.send?.(r);
  process.on('message', async (order: Order) => {
    try {
      if (order.kind === 'run') reply({ id: order.id, rate: await hubThroughput(hub, order.concurrency, order.runs, order.tag) });
      else if (order.kind === 'complete') {
        await completeOn(hub, order.instanceId, order.task);
        reply({ id: order.id });
      } else {
        await hub.stop();
        process.send?.({ id: order.id }, () => process.exit(0));
      }
    } catch (err) {
      reply({ id: order.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
  process.send?.({ ready: true });
}

/** The cache's hits and misses while `work` runs, as a ratio of the steps that could have used it. */
async function hitRatio<T>(hub: Hub, work: () => Promise<T>): Promise<{ value: T; hitRatio: number | null }> {
  const before = hub.services.processes.engines.stats();
  const value = await work();
  const after = hub.services.processes.engines.stats();
  const hits = after.hits - before.hits;
  const lookups = hits + after.misses - before.misses;
  return { value, hitRatio: lookups === 0 ? null : Number((hits / lookups).toFixed(3)) };
}

async function waitingMemory(hub: Hub): Promise<{ beforeMb: number; afterMb: number; instances: number }> {
  const em = hub.database.orm.em;
  const beforeMb = rssMb();
  for (let i = 0; i < WAITING; i++)
    await hub.services.processes.runner.start({ em: em.fork(), actor: systemActor }, KEY, `waiting-${i}`, {});
  return { beforeMb, afterMb: rssMb(), instances: WAITING };
}

async function main(): Promise<void> {
  const floorRate = await floor();
  console.log(`floor: ${floorRate.toFixed(1)} instances/s`);
  const recoveryRate = await recoveryFloor();
  console.log(`recovery floor: ${recoveryRate.toFixed(1)} instances/s (engine recovered every step, no database)`);
  await freshDatabase();
  const options = { databaseUrl: dbUrl(), port: 0, processPollMs: 0 };
  const hub = await startHub(loadConfig({}, { ...options, seedOnEmpty: true, seedTickets: 100 }));
  // The same hub without its engine cache, on the same database: every step recovers its engine.
  const uncached = await startHub(loadConfig({}, { ...options, seedOnEmpty: false, processEngineCacheMb: 0 }));
  try {
    await prepareHub(hub);
    const one = await hitRatio(hub, () => hubThroughput(hub, 1, HUB_RUNS, 'one'));
    console.log(`hub: ${one.value.toFixed(1)} instances/s one at a time (cache hit ratio ${one.hitRatio})`);
    const many = await hitRatio(hub, () => hubThroughput(hub, CONCURRENCY, HUB_RUNS, 'many'));
    console.log(`hub: ${many.value.toFixed(1)} instances/s with ${CONCURRENCY} in flight (cache hit ratio ${many.hitRatio})`);
    const manyUncached = await hubThroughput(uncached, CONCURRENCY, HUB_RUNS, 'many-uncached');
    console.log(`hub without the cache: ${manyUncached.toFixed(1)} instances/s with ${CONCURRENCY} in flight`);
    const second = await forkSecondHub();
    let twoHubs: number;
    let alternating: { value: number; hitRatio: number | null };
    try {
      twoHubs = await twoHubsThroughput(hub, second, CONCURRENCY);
      console.log(`two hubs: ${twoHubs.toFixed(1)} instances/s with ${CONCURRENCY} in flight each, each instance on one hub`);
      alternating = await hitRatio(hub, () =>
        hubThroughput(hub, CONCURRENCY, HUB_RUNS, 'alternating', (id, task) => second.complete(id, task)),
      );
      console.log(
        `two hubs alternating: ${alternating.value.toFixed(1)} instances/s with ${CONCURRENCY} in flight, steps alternating (hit ratio ${alternating.hitRatio})`,
      );
    } finally {
      await second.stop();
    }
    await uncached.stop();
    const memory = await waitingMemory(hub);
    const cacheAfterWaiting = hub.services.processes.engines.stats();
    console.log(
      `memory: ${memory.beforeMb.toFixed(0)} MB -> ${memory.afterMb.toFixed(0)} MB with ${memory.instances} waiting (${cacheAfterWaiting.engines} engines kept, ~${(cacheAfterWaiting.estimatedBytes / 1048576).toFixed(0)} MB estimated)`,
    );
    const ratio = (a: number, b: number) => Number((a / b).toFixed(3));
    const result = {
      benchmark: 'fault-handling (4 user tasks) end to end, with and without the engine cache; waiting-instance memory',
      at: new Date().toISOString(),
      floorInstancesPerSecond: Number(floorRate.toFixed(1)),
      recoveryFloorInstancesPerSecond: Number(recoveryRate.toFixed(1)),
      recoveryFloorToFloor: ratio(recoveryRate, floorRate),
      hubInstancesPerSecond: Number(one.value.toFixed(1)),
      hubHitRatio: one.hitRatio,
      concurrency: CONCURRENCY,
      hubConcurrentInstancesPerSecond: Number(many.value.toFixed(1)),
      hubConcurrentHitRatio: many.hitRatio,
      hubConcurrentToFloor: ratio(many.value, floorRate),
      targetHubConcurrentToFloor: 0.6,
      hubUncachedConcurrentInstancesPerSecond: Number(manyUncached.toFixed(1)),
      hubUncachedConcurrentToRecoveryFloor: ratio(manyUncached, recoveryRate),
      targetHubUncachedConcurrentToRecoveryFloor: 0.65,
      twoHubsInstancesPerSecond: Number(twoHubs.toFixed(1)),
      twoHubsToFloor: ratio(twoHubs, floorRate),
      twoHubsAlternatingInstancesPerSecond: Number(alternating.value.toFixed(1)),
      twoHubsAlternatingHitRatio: alternating.hitRatio,
      waitingMemory: {
        ...memory,
        growthMb: Number((memory.afterMb - memory.beforeMb).toFixed(1)),
        targetGrowthMb: 100,
        enginesKept: cacheAfterWaiting.engines,
        estimatedCacheMb: Number((cacheAfterWaiting.estimatedBytes / 1048576).toFixed(1)),
      },
    };
    mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(projectRoot, 'bench', 'results', 'processes.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await hub.stop();
  }
}

(process.argv.includes(SECOND_HUB) ? secondHub() : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
