import 'reflect-metadata';
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as elements from 'bpmn-elements';
import { Timers } from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { deserialize, TypeResolver } from 'moddle-context-serializer';
import { Client } from 'pg';
import { type Hub, startHub } from '../src/app';
import { loadConfig } from '../src/config/config';
import { projectRoot } from '../src/db/orm-options';
import { parseDiagram } from '../src/modules/processes/bpmn/moddle';
import { quietLogger, runStep } from '../src/modules/processes/engine/run-step';
import { serializeSource } from '../src/modules/processes/engine/serialize-source';
import { systemActor } from '../src/shared/service-context';
import { subscribe, wsClient } from './ws-probe';

const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const DB = 'kexiang_bench_processes';
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 300);
const HUB_RUNS = Number(process.env.BENCH_HUB_RUNS ?? 200);
const WAITING = Number(process.env.BENCH_WAITING ?? 10_000);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const TASKS = ['acknowledge', 'diagnose', 'restore', 'confirmAndReport'];
const FORMS: Record<string, Record<string, unknown>> = {
  acknowledge: { impact: true },
  diagnose: { cause: '光缆中断', maintainer: 'OPS' },
  restore: {},
  confirmAndReport: { customerConfirmed: true },
};

const dbUrl = () => Object.assign(new URL(SERVER), { pathname: `/${DB}` }).toString();
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const rssMb = () => {
  global.gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
};

/**
 * The floor: the same diagram on bare bpmn-engine, one engine per instance kept in memory, nothing
 * persisted. The XML is parsed once, as the hub parses it once at deployment.
 */
async function floor(): Promise<number> {
  const xml = readFileSync(path.join(projectRoot, 'processes', 'fault-handling.bpmn'), 'utf8');
  const serialized = serializeSource(await parseDiagram(xml));
  const typeResolver = TypeResolver(elements);
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
  const xml = readFileSync(path.join(projectRoot, 'processes', 'fault-handling.bpmn'), 'utf8');
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

async function createBenchUser(hub: Hub): Promise<void> {
  const em = hub.database.orm.em;
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

/** Instances run end to end through the services; `concurrency` of them in flight at once, as a center runs many. */
async function hubThroughput(hub: Hub, concurrency: number, runs: number, tag: string): Promise<number> {
  const em = hub.database.orm.em;
  const ctx = () => ({ em: em.fork(), actor: { kind: 'staff' as const, userCode: 'bench.ops', customerId: null } });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < runs; i = next++) {
      const instance = await hub.services.processes.runner.start(ctx(), 'fault-handling', `bench-${tag}-${i}`, {});
      for (const task of TASKS) {
        const [open] = await hub.services.processes.tasks.queue(ctx(), { instanceId: instance.id });
        if (open?.elementId !== task) throw new Error(`expected ${task}, got ${open?.elementId}`);
        await hub.services.processes.tasks.complete(ctx(), open.id, FORMS[task]);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return runs / ((Date.now() - started) / 1000);
}

/**
 * Two hubs on one database, each in its own process (Node runs JavaScript on one core; this
 * machine has two), each with `concurrency` instances in flight: the machine's throughput.
 */
async function twoHubsThroughput(hub: Hub, concurrency: number): Promise<number> {
  const second = fork(__filename, [SECOND_HUB], { execArgv: process.execArgv, stdio: 'inherit' });
  const message = <T>() => new Promise<T>((resolve, reject) => second.once('message', (m) => resolve(m as T)).once('error', reject));
  await message<{ ready: true }>();
  const half = Math.floor(HUB_RUNS / 2);
  const started = Date.now();
  const secondDone = message<{ rate: number }>();
  second.send({ runs: HUB_RUNS - half, concurrency });
  await hubThroughput(hub, concurrency, half, 'first-of-two');
  await secondDone;
  return HUB_RUNS / ((Date.now() - started) / 1000);
}

const SECOND_HUB = '--second-hub';

/** The second hub's process: starts a hub on the bench database, runs what it is sent, reports. */
async function secondHub(): Promise<void> {
  const hub = await startHub(loadConfig({}, { databaseUrl: dbUrl(), port: 0, seedOnEmpty: false, processPollMs: 0 }));
  process.once('message', async (order: { runs: number; concurrency: number }) => {
    const rate = await hubThroughput(hub, order.concurrency, order.runs, 'second-of-two');
    await hub.stop();
    process.send?.({ rate }, () => process.exit(0));
  });
  process.send?.({ ready: true });
}

async function waitingMemory(hub: Hub): Promise<{ beforeMb: number; afterMb: number; instances: number }> {
  const em = hub.database.orm.em;
  const beforeMb = rssMb();
  for (let i = 0; i < WAITING; i++)
    await hub.services.processes.runner.start({ em: em.fork(), actor: systemActor }, 'fault-handling', `waiting-${i}`, {});
  return { beforeMb, afterMb: rssMb(), instances: WAITING };
}

async function subscriptionLatency(hub: Hub): Promise<{ subscribers: number; events: number; p50Ms: number; p99Ms: number }> {
  const em = hub.database.orm.em;
  const [customer] = await em.fork().execute<{ id: string }[]>('select id from customer limit 1');
  const clients = Array.from({ length: SUBSCRIBERS }, () => wsClient(hub.url));
  const probes = await Promise.all(clients.map((c) => subscribe(c, 'subscription { ticketChanged { change at ticket { id number } } }')));
  const latencies: number[] = [];
  for (let e = 0; e < EVENTS; e++) {
    const sent = performance.now();
    await hub.services.tickets.open({ em: em.fork(), actor: systemActor }, {
      kind: 'CONSULTATION',
      channel: 'PHONE',
      title: `bench ${e}`,
      description: '',
      customerId: customer.id,
      circuitIds: [],
      priority: 'MEDIUM',
    } as never);
    const arrivals = await Promise.all(probes.map((p) => p.next().then(() => performance.now())));
    for (const at of arrivals) latencies.push(at - sent);
  }
  await Promise.all(clients.map((c) => c.dispose()));
  return { subscribers: SUBSCRIBERS, events: EVENTS, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

async function main(): Promise<void> {
  const floorRate = await floor();
  console.log(`floor: ${floorRate.toFixed(1)} instances/s`);
  const recoveryRate = await recoveryFloor();
  console.log(`recovery floor: ${recoveryRate.toFixed(1)} instances/s (engine recovered every step, no database)`);
  await freshDatabase();
  const hub = await startHub(loadConfig({}, { databaseUrl: dbUrl(), port: 0, seedOnEmpty: true, seedTickets: 100, processPollMs: 0 }));
  try {
    await createBenchUser(hub);
    const hubRate = await hubThroughput(hub, 1, HUB_RUNS, 'one');
    console.log(`hub: ${hubRate.toFixed(1)} instances/s one at a time`);
    const hubConcurrentRate = await hubThroughput(hub, CONCURRENCY, HUB_RUNS, 'many');
    console.log(`hub: ${hubConcurrentRate.toFixed(1)} instances/s with ${CONCURRENCY} in flight`);
    const twoHubsRate = await twoHubsThroughput(hub, CONCURRENCY);
    console.log(`two hubs: ${twoHubsRate.toFixed(1)} instances/s with ${CONCURRENCY} in flight each`);
    const memory = await waitingMemory(hub);
    console.log(`memory: ${memory.beforeMb.toFixed(0)} MB -> ${memory.afterMb.toFixed(0)} MB with ${memory.instances} waiting`);
    const latency = await subscriptionLatency(hub);
    console.log(
      `subscriptions: p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms with ${latency.subscribers} subscribers`,
    );
    const result = {
      benchmark: 'fault-handling (4 user tasks) end to end; waiting-instance memory; subscription latency',
      at: new Date().toISOString(),
      floorInstancesPerSecond: Number(floorRate.toFixed(1)),
      recoveryFloorInstancesPerSecond: Number(recoveryRate.toFixed(1)),
      recoveryFloorToFloor: Number((recoveryRate / floorRate).toFixed(3)),
      hubInstancesPerSecond: Number(hubRate.toFixed(1)),
      hubToFloor: Number((hubRate / floorRate).toFixed(3)),
      hubToRecoveryFloor: Number((hubRate / recoveryRate).toFixed(3)),
      concurrency: CONCURRENCY,
      hubConcurrentInstancesPerSecond: Number(hubConcurrentRate.toFixed(1)),
      hubConcurrentToFloor: Number((hubConcurrentRate / floorRate).toFixed(3)),
      twoHubsInstancesPerSecond: Number(twoHubsRate.toFixed(1)),
      twoHubsToFloor: Number((twoHubsRate / floorRate).toFixed(3)),
      targetHubInstancesPerSecond: 100,
      waitingMemory: { ...memory, growthMb: Number((memory.afterMb - memory.beforeMb).toFixed(1)), targetGrowthMb: 100 },
      subscriptionLatency: latency,
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
