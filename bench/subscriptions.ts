import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { type Hub, startHub } from '../src/app';
import { loadConfig } from '../src/config/config';
import { projectRoot } from '../src/db/orm-options';
import { DEV_JWT_SECRET, signToken } from '../src/modules/auth/tokens';
import { TicketChannel, TicketKind, TicketPriority } from '../src/modules/tickets/ticket.enums';
import { OpenTicketInput } from '../src/modules/tickets/ticket.inputs';
import { systemActor } from '../src/shared/service-context';

const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
const DB = 'kexiang_bench_subscriptions';
const RUNS = process.env.BENCH_SUBSCRIBERS ? [Number(process.env.BENCH_SUBSCRIBERS)] : [1000, 10_000];
const EVENTS = Number(process.env.BENCH_EVENTS ?? 30);
const TARGET_P99_MS: Record<number, number> = { 1000: 100, 10000: 250 };
const QUERY = 'subscription { ticketChanged { change at ticket { id number } } }';
const SUBSCRIBERS = '--subscribers';
/** connections opened at once: the hub confirms each token in the database */
const CONNECT_BATCH = 200;

/** One machine, one clock: both processes stamp with it. */
const now = () => performance.timeOrigin + performance.now();
const dbUrl = () => Object.assign(new URL(SERVER), { pathname: `/${DB}` }).toString();
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/** What the parent tells the subscribers' process. */
type Order = { mode: 'hub' | 'floor'; url: string; subscribers: number; events: number } | { publishedAt: number[]; committedAt: number[] };
interface Percentiles {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}
/** What the subscribers' process answers. */
type Report = { ready: true } | { received: number } | (Percentiles & { afterCommit: Percentiles });

/**
 * From the publishing call (the ticket's transaction included, as bench:processes measured) and,
 * in `afterCommit`, from the moment that call returned (the event committed and NOTIFY sent).
 */
interface Latency extends Percentiles {
  subscribers: number;
  events: number;
  afterCommit: Percentiles;
}

const percentiles = (latencies: number[]): Percentiles => ({
  p50Ms: percentile(latencies, 50),
  p99Ms: percentile(latencies, 99),
  maxMs: latencies.reduce((max, l) => Math.max(max, l), Number.NEGATIVE_INFINITY),
});

async function freshDatabase(): Promise<void> {
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.query(`create database ${DB}`);
  await admin.end();
}

/** The child: N connections, each event's arrival stamped per subscriber, latencies computed at the end. */
async function subscribersProcess(): Promise<void> {
  const order = await nextOrder();
  if (!('mode' in order)) throw new Error('expected the run order first');
  const token = await signToken({ sub: 'admin', kind: 'staff' }, DEV_JWT_SECRET);
  const probes: { next(): Promise<unknown> }[] = [];
  const closers: (() => unknown)[] = [];
  for (let opened = 0; opened < order.subscribers; opened += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, order.subscribers - opened);
    const made = await Promise.all(
      Array.from({ length: batch }, () => (order.mode === 'hub' ? hubProbe(order.url, token) : floorProbe(order.url))),
    );
    for (const { probe, close } of made) {
      probes.push(probe);
      closers.push(close);
    }
  }
  process.send?.({ ready: true } satisfies Report);
  const arrivals: number[][] = [];
  for (let e = 0; e < order.events; e++) {
    arrivals.push(await Promise.all(probes.map((p) => p.next().then(now))));
    process.send?.({ received: e } satisfies Report);
  }
  const published = await nextOrder();
  if (!('publishedAt' in published)) throw new Error('expected the publish times');
  const since = (stamps: number[]) => percentiles(arrivals.flatMap((times, e) => times.map((at) => at - stamps[e])));
  await Promise.all(closers.map((close) => close()));
  const report: Report = { ...since(published.publishedAt), afterCommit: since(published.committedAt) };
  process.send?.(report, () => process.exit(0));
}

const nextOrder = () => new Promise<Order>((resolve) => process.once('message', (m) => resolve(m as Order)));

/**
 * The hub's subscriber: a bare WebSocket speaking graphql-ws's protocol (graphql-transport-ws),
 * each `next` message one event, as the floor's sockets do. A graphql-ws client per socket would
 * measure the subscribers' own parsing too: 10,000 of them in one process queue behind each other,
 * where real dashboards each have a browser of their own.
 */
async function hubProbe(url: string, token: string) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const queue: unknown[] = [];
  const waiting: ((value: unknown) => void)[] = [];
  let registered: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    registered = resolve;
  });
  socket.on('message', (data: Buffer) => {
    const text = data.toString();
    if (text.startsWith('{"id":"e"')) {
      const waiter = waiting.shift();
      if (waiter) waiter(text);
      else queue.push(text);
    } else if (text.includes('"connection_ack"')) {
      socket.send(JSON.stringify({ id: 'e', type: 'subscribe', payload: { query: QUERY } }));
      // Answered after the subscription is registered: graphql-ws takes one connection's messages in order.
      socket.send(JSON.stringify({ id: 'q', type: 'subscribe', payload: { query: '{ __typename }' } }));
    } else if (text.startsWith('{"id":"q","type":"complete"')) registered();
  });
  await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }));
  await ready;
  const probe = { next: () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiting.push(resolve))) };
  return { probe, close: () => socket.close() };
}

/** The floor's subscriber: a bare WebSocket, each message one event. */
async function floorProbe(url: string) {
  const socket = new WebSocket(url);
  const queue: unknown[] = [];
  const waiting: ((value: unknown) => void)[] = [];
  socket.on('message', (data) => {
    const waiter = waiting.shift();
    if (waiter) waiter(data);
    else queue.push(data);
  });
  await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
  const probe = { next: () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiting.push(resolve))) };
  return { probe, close: () => socket.close() };
}

/** Runs one measurement: the child subscribes, the parent publishes one event at a time and stamps it. */
async function measure(mode: 'hub' | 'floor', url: string, subscribers: number, publish: (e: number) => Promise<void>): Promise<Latency> {
  const child: ChildProcess = fork(__filename, [SUBSCRIBERS], { execArgv: process.execArgv, stdio: 'inherit' });
  const reports: Report[] = [];
  const waiting: ((report: Report) => void)[] = [];
  child.on('message', (m) => {
    const waiter = waiting.shift();
    if (waiter) waiter(m as Report);
    else reports.push(m as Report);
  });
  const report = () => {
    const queued = reports.shift();
    return queued ? Promise.resolve(queued) : new Promise<Report>((resolve) => waiting.push(resolve));
  };
  child.send({ mode, url, subscribers, events: EVENTS } satisfies Order);
  await report();
  const publishedAt: number[] = [];
  const committedAt: number[] = [];
  for (let e = 0; e < EVENTS; e++) {
    publishedAt.push(now());
    await publish(e);
    committedAt.push(now());
    await report();
  }
  child.send({ publishedAt, committedAt } satisfies Order);
  const result = await report();
  if (!('p99Ms' in result)) throw new Error('the subscribers did not report latencies');
  return { subscribers, events: EVENTS, ...result };
}

/** The floor: the same number of sockets, one frame of the same size broadcast, no GraphQL, no database. */
async function floor(subscribers: number): Promise<Latency> {
  const server = new WebSocketServer({ port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const frame = (e: number) =>
    JSON.stringify({
      id: 'x',
      type: 'next',
      payload: { data: { ticketChanged: { change: 'OPENED', at: new Date().toISOString(), ticket: { id: e, number: e } } } },
    });
  try {
    return await measure('floor', url, subscribers, async (e) => {
      const text = frame(e);
      for (const socket of server.clients) socket.send(text);
    });
  } finally {
    for (const socket of server.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function executionsSoFar(hub: Hub): Promise<number> {
  const text = await (await fetch(hub.url.replace('/graphql', '/metrics'))).text();
  const line = text.split('\n').find((l) => l.startsWith('kexiang_subscription_executions_total{field="ticketChanged"}'));
  return Number(line?.split(' ')[1] ?? 0);
}

async function hubLatency(hub: Hub, subscribers: number): Promise<Latency & { executionsPerEvent: number }> {
  const em = hub.database.orm.em;
  const [customer] = await em.fork().execute<{ id: string }[]>('select id from customer limit 1');
  const before = await executionsSoFar(hub);
  const latency = await measure('hub', hub.url, subscribers, async (e) => {
    const input = Object.assign(new OpenTicketInput(), {
      kind: TicketKind.CONSULTATION,
      channel: TicketChannel.PHONE,
      title: `bench ${subscribers} ${e}`,
      description: '',
      customerId: customer.id,
      circuitIds: [],
      priority: TicketPriority.MEDIUM,
    });
    await hub.services.tickets.open({ em: em.fork(), actor: systemActor }, input);
  });
  return { ...latency, executionsPerEvent: ((await executionsSoFar(hub)) - before) / EVENTS };
}

async function main(): Promise<void> {
  await freshDatabase();
  // No procedures: a ticket opened is one event, and no step changes it again meanwhile.
  const config = loadConfig(
    {},
    { databaseUrl: dbUrl(), port: 0, seedOnEmpty: true, seedTickets: 100, processPollMs: 0, ticketProcedures: 'none', logLevel: 'warn' },
  );
  const hub = await startHub(config);
  const runs = [];
  try {
    for (const subscribers of RUNS) {
      const floorLatency = await floor(subscribers);
      console.log(
        `floor: p50 ${floorLatency.p50Ms.toFixed(1)} ms, p99 ${floorLatency.p99Ms.toFixed(1)} ms with ${subscribers} bare sockets`,
      );
      const latency = await hubLatency(hub, subscribers);
      console.log(
        `hub: p50 ${latency.p50Ms.toFixed(1)} ms, p99 ${latency.p99Ms.toFixed(1)} ms (after commit: p50 ${latency.afterCommit.p50Ms.toFixed(1)} ms, p99 ${latency.afterCommit.p99Ms.toFixed(1)} ms) with ${subscribers} subscribers, ${latency.executionsPerEvent} executions per event`,
      );
      const target = TARGET_P99_MS[subscribers];
      runs.push({
        ...latency,
        floor: floorLatency,
        p99ToFloor: Number((latency.p99Ms / floorLatency.p99Ms).toFixed(2)),
        targetP99Ms: target ?? null,
        met: target === undefined ? null : latency.p99Ms < target,
      });
    }
  } finally {
    await hub.stop();
  }
  const result = {
    benchmark:
      'subscription fan-out: publish-to-receive of ticketChanged over graphql-ws, all subscribers one operation and one scope, in a child process; floor: the same sockets and frames from a bare ws server',
    at: new Date().toISOString(),
    query: QUERY,
    runs,
  };
  mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(projectRoot, 'bench', 'results', 'subscriptions.json'), `${JSON.stringify(result, null, 2)}\n`);
}

(process.argv.includes(SUBSCRIBERS) ? subscribersProcess() : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
