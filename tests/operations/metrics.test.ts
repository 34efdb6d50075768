import { ServiceRegistry } from '../../src/modules/processes/engine/service-registry';
import { makeWorld } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { deploy, fixture, makeStaff, readInstance } from '../support/processes';
import { subscribe, wsClient } from '../support/subscriptions';
import { eventually, sampleValue, scrape } from './metrics-support';

const HOUR = 3600_000;
const START = 'mutation($key: String!, $bk: String) { startProcess(key: $key, businessKey: $bk) { id status } }';
const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';

describe('/metrics shows what the hub did: operations, SQL, subscriptions, timers, incidents and SLA alerts', () => {
  let t: TestHub;
  let classifyFails = 0;
  const registry = new ServiceRegistry().register('classify', async () => {
    if (classifyFails > 0) {
      classifyFails--;
      throw new Error('资源系统超时 (resource system timed out)');
    }
    return { severity: 'ORDINARY' };
  });

  beforeAll(async () => {
    // Tickets kept to their SLA clocks: the procedures' own timers would blur the timer counts.
    t = await startTestHub({ registry, config: { ticketProcedures: 'none' } });
    await deploy(t, fixture('fault-mini.bpmn'));
  });
  afterAll(() => t.stop());

  test('When a named query runs, then it is counted and timed under its name and type, with its SQL statements per request', async () => {
    const { count } = await t.countStatements(() => t.ok('query DepartmentList { departments { id code } }'));
    const text = await scrape(t);
    const labels = { operation: 'DepartmentList', type: 'query' };
    expect(sampleValue(text, 'kexiang_graphql_requests_total', { ...labels, outcome: 'ok' })).toBe(1);
    expect(sampleValue(text, 'kexiang_graphql_request_duration_seconds_count', labels)).toBe(1);
    expect(sampleValue(text, 'kexiang_graphql_request_duration_seconds_sum', labels)).toBeGreaterThan(0);
    // The histogram counts what the test's own counter saw: the token check and the query.
    expect(count).toBeGreaterThan(0);
    expect(sampleValue(text, 'kexiang_graphql_request_sql_statements_sum', labels)).toBe(count);
    expect(sampleValue(text, 'kexiang_graphql_request_sql_statements_count', labels)).toBe(1);
  });

  test('When an anonymous mutation fails and a request has no token, then they count as __anonymous and __unknown, with errors', async () => {
    await t.gql('mutation { retryIncident(id: "00000000-0000-4000-8000-000000000009") { status } }');
    await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"query Sneaky { __typename }"}',
    });
    const text = await scrape(t);
    expect(sampleValue(text, 'kexiang_graphql_requests_total', { operation: '__anonymous', type: 'mutation', outcome: 'error' })).toBe(1);
    expect(sampleValue(text, 'kexiang_graphql_requests_total', { operation: '__unknown', type: 'unknown', outcome: 'error' })).toBe(1);
    expect(text).not.toContain('Sneaky');
  });

  test('When a subscription opens and then closes, then the open-subscriptions gauge goes up by one and back', async () => {
    const before = sampleValue(await scrape(t), 'kexiang_subscriptions_open') ?? 0;
    const client = wsClient(t.url);
    const alerts = await subscribe(client, 'subscription { slaAlerts { ticketId } }');
    try {
      await eventually(async () => sampleValue(await scrape(t), 'kexiang_subscriptions_open') === before + 1);
    } finally {
      await alerts.close();
    }
    await eventually(async () => sampleValue(await scrape(t), 'kexiang_subscriptions_open') === before);
    // A query over the same socket answers once: it is no open subscription.
    await new Promise<void>((resolve, reject) =>
      client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: resolve }),
    );
    expect(sampleValue(await scrape(t), 'kexiang_subscriptions_open')).toBe(before);
    await client.dispose();
  });

  test('When a timer fires an hour after it was due, then the lag histogram records 3600 s, and the overdue gauge saw it waiting', async () => {
    const started = await t.ok<{ startProcess: { status: string } }>(START, { key: 'fault-mini', bk: 'OPS-T1' });
    expect(started.startProcess.status).toBe('WAITING');
    let text = await scrape(t);
    expect(sampleValue(text, 'kexiang_process_instances', { status: 'WAITING' })).toBe(1);
    expect(sampleValue(text, 'kexiang_process_timer_oldest_overdue_seconds')).toBe(0);
    const firedBefore = sampleValue(text, 'kexiang_process_timer_lag_seconds_count') ?? 0;

    // The reminder is due after 2 hours: the poller comes round only at 3.
    t.clock.advance(3 * HOUR);
    expect(sampleValue(await scrape(t), 'kexiang_process_timer_oldest_overdue_seconds')).toBe(3600);
    expect((await t.hub.services.processes.poller.runOnce()).fired).toBe(1);
    text = await scrape(t);
    expect(sampleValue(text, 'kexiang_process_timer_lag_seconds_count')).toBe(firedBefore + 1);
    expect(sampleValue(text, 'kexiang_process_timer_lag_seconds_sum')).toBe(3600);
    expect(sampleValue(text, 'kexiang_process_timer_lag_seconds_bucket', { le: '900' })).toBe(firedBefore);
    expect(sampleValue(text, 'kexiang_process_timer_lag_seconds_bucket', { le: '3600' })).toBe(firedBefore + 1);
    expect(sampleValue(text, 'kexiang_process_timer_oldest_overdue_seconds')).toBe(0);
  });

  test('When a waiting instance steps again on the hub that ran its last step, then the engine cache counts a hit and shows the engines it keeps', async () => {
    const staff = await makeStaff(t);
    const before = await scrape(t);
    const hits = sampleValue(before, 'kexiang_process_engine_cache_hits_total') ?? 0;
    const misses = sampleValue(before, 'kexiang_process_engine_cache_misses_total') ?? 0;
    const { startProcess } = await t.ok<{ startProcess: { id: string } }>(START, { key: 'fault-mini', bk: 'OPS-C1' });
    const kept = await scrape(t);
    expect(sampleValue(kept, 'kexiang_process_engine_cache_engines')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(kept, 'kexiang_process_engine_cache_estimated_bytes')).toBeGreaterThan(0);
    const [task] = (await readInstance(t, startProcess.id)).tasks;
    await t.ok('mutation($id: ID!) { completeTask(id: $id, variables: {cause: "光缆"}) { id } }', { id: task.id }, staff.ops);
    const after = await scrape(t);
    expect(sampleValue(after, 'kexiang_process_engine_cache_hits_total')).toBe(hits + 1);
    expect(sampleValue(after, 'kexiang_process_engine_cache_misses_total')).toBe(misses);
  });

  test('When a service task keeps failing, then the incident is counted by process and the instances gauge shows it', async () => {
    const before = sampleValue(await scrape(t), 'kexiang_process_incidents_total', { process: 'fault-mini' }) ?? 0;
    classifyFails = 3;
    const started = await t.ok<{ startProcess: { status: string } }>(START, { key: 'fault-mini', bk: 'OPS-I1' });
    expect(started.startProcess.status).toBe('INCIDENT');
    const text = await scrape(t);
    expect(sampleValue(text, 'kexiang_process_incidents_total', { process: 'fault-mini' })).toBe(before + 1);
    expect(sampleValue(text, 'kexiang_process_instances', { status: 'INCIDENT' })).toBe(1);
    expect(sampleValue(text, 'kexiang_process_instances', { status: 'CANCELLED' })).toBe(0);
  });

  test("When a ticket's SLA clocks pass their warning and due times, then warnings and breaches are counted by clock", async () => {
    const world = await makeWorld(t, { level: 'GOLD', circuitCount: 1 });
    await t.ok(OPEN, { input: { kind: 'FAULT', channel: 'PHONE', title: '专线中断', customerId: world.customer.id } }, world.duty.code);
    let text = await scrape(t);
    const warned = sampleValue(text, 'kexiang_sla_warnings_total', { clock: 'RESPONSE' }) ?? 0;
    const breached = sampleValue(text, 'kexiang_sla_breaches_total', { clock: 'RESPONSE' }) ?? 0;
    expect(sampleValue(text, 'kexiang_sla_clocks', { state: 'BREACHED' })).toBe(0);

    t.clock.advance(30 * 24 * HOUR);
    await t.hub.services.sla.sweep(t.hub.database.orm.em.fork());
    text = await scrape(t);
    expect(sampleValue(text, 'kexiang_sla_warnings_total', { clock: 'RESPONSE' })).toBe(warned + 1);
    expect(sampleValue(text, 'kexiang_sla_breaches_total', { clock: 'RESPONSE' })).toBe(breached + 1);
    expect(sampleValue(text, 'kexiang_sla_breaches_total', { clock: 'RESOLUTION' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(text, 'kexiang_sla_clocks', { state: 'BREACHED' })).toBeGreaterThanOrEqual(2);
  });

  test('When /metrics is read, then it is the Prometheus text format and has the process metrics too', async () => {
    const res = await fetch(t.url.replace('/graphql', '/metrics'));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE kexiang_graphql_requests_total counter');
    expect(text).toContain('# TYPE kexiang_process_timer_lag_seconds histogram');
    expect(sampleValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
