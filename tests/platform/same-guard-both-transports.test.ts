import { parse, validate } from 'graphql';
import { Client } from 'pg';
import WebSocket from 'ws';
import { operationLimits } from '../../src/graphql/armor';
import { costRule } from '../../src/graphql/cost-rule';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { codesOf, over, overWs, TRANSPORTS, wsClientFor } from '../support/transports';

/** The busiest screen the center uses: a page of 100 tickets with everything a duty officer looks at. */
const BUSIEST_SCREEN = `{
  tickets(first: 100) {
    totalCount
    edges { node {
      id number title status priority resolutionDueAt overdue
      customer { id name serviceLevel accountManager { id name } }
      assignee { id name }
      circuits { id code bandwidthMbps }
      history(last: 5) { at action note actor { name } changes { field from to } }
    } }
  }
}`;

const circuitCycle = (levels: number): string => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `circuits { customer { ${inner} } }`;
  return `query($id: ID!) { customer(id: $id) { ${inner} } }`;
};

describe('HTTP and WebSocket run operations through the same guard', () => {
  let t: TestHub;
  let production: TestHub;
  let small: TestHub;
  let world: World;

  beforeAll(async () => {
    t = await startTestHub();
    production = await startTestHub({ config: { production: true, jwtSecret: 'a-production-secret-for-this-test' } });
    small = await startTestHub({ config: { wsMaxOperations: 3, maxAnswerBytes: 4000 } });
    world = await makeWorld(t, { circuitCount: 3 });
  });
  afterAll(async () => {
    await small.stop();
    await production.stop();
    await t.stop();
  });

  const limitOf = (answer: { errors?: { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.limit;

  test.each(
    TRANSPORTS,
  )('When an operation breaks a size limit over %s, then it is QUERY_TOO_COMPLEX naming that limit', async (transport) => {
    const deep = `{ tickets { edges { node { circuits { customer { circuits { customer { circuits { customer { circuits { customer { circuits { customer { id } } } } } } } } } } } } } }`;
    const aliases = `{ ${Array.from({ length: operationLimits.maxAliases + 1 }, (_, i) => `a${i}: departments { id }`).join(' ')} }`;
    const directives = `{ departments ${Array.from({ length: operationLimits.maxDirectives + 1 }, () => '@include(if: true)').join(' ')} { id } }`;
    const tokens = `{ departments { ${Array.from({ length: operationLimits.maxTokens }, () => 'id').join(' ')} } }`;
    for (const [query, limit] of [
      [deep, 'maxDepth'],
      [aliases, 'maxAliases'],
      [directives, 'maxDirectives'],
      [tokens, 'maxTokens'],
    ]) {
      const answer = await over(transport, t, { query });
      // graphql-js may add findings of its own (21 @include on one field also repeat a directive).
      const named = (answer.errors ?? []).filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX').map((e) => e.extensions?.limit);
      expect({ limit, names: named.includes(limit) }).toEqual({ limit, names: true });
      expect(JSON.stringify(answer.errors)).not.toMatch(/syntax error/i);
    }
  });

  test.each(TRANSPORTS)('When lists nest into a cycle over %s, then the cost refuses it before anything runs', async (transport) => {
    const answer = await over(transport, t, { query: circuitCycle(3), variables: { id: world.customer.id } });
    expect(codesOf(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(limitOf(answer)).toBe('maxCost');
    // One level is a real screen (a customer with its circuits) and is served.
    expect(codesOf(await over(transport, t, { query: circuitCycle(1), variables: { id: world.customer.id } }))).toEqual([]);
  });

  test('When the busiest real screen is priced, then it stays well under the cost limit', () => {
    const [priced] = validate(t.hub.schema, parse(BUSIEST_SCREEN), [costRule(0)]);
    const cost = Number(priced.extensions.cost);
    expect(cost).toBeGreaterThan(5_000);
    expect(cost).toBeLessThan(operationLimits.maxCost * 0.7);
  });

  test.each(TRANSPORTS)('When the busiest real screen is asked for over %s, then it is served', async (transport) => {
    const answer = await over(transport, t, { query: BUSIEST_SCREEN });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.tickets).toBeDefined();
  });

  test.each(
    TRANSPORTS,
  )('When the hub runs in production, then over %s introspection is refused and no error suggests names', async (transport) => {
    const token = await tokenFor('admin', 'a-production-secret-for-this-test');
    const introspection = await over(transport, production, { query: '{ __schema { queryType { name } } }' }, { token });
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await over(transport, production, { query: '{ departmnts { id } }' }, { token });
    expect(typo.errors?.[0].message).not.toMatch(/did you mean/i);
    const enumTypo = await over(transport, production, { query: '{ users(role: ADMN) { id } }' }, { token });
    expect(enumTypo.errors?.[0].message).not.toMatch(/did you mean/i);
    expect(codesOf(await over(transport, t, { query: '{ __schema { queryType { name } } }' }))).toEqual([]);
  });

  test.each(
    TRANSPORTS,
  )('When something fails inside in production over %s, then the caller sees a reference, never SQL', async (transport) => {
    const sql = new Client({ connectionString: production.db.url });
    await sql.connect();
    try {
      await sql.query(`create or replace function kx_test_boom() returns trigger language plpgsql as $$
        begin raise exception 'secret detail from the database'; end $$`);
      await sql.query('drop trigger if exists kx_test_boom on customer');
      await sql.query('create trigger kx_test_boom before insert on customer for each row execute function kx_test_boom()');
    } finally {
      await sql.end();
    }
    const token = await tokenFor('admin', 'a-production-secret-for-this-test');
    const { users } = await production.ok<{ users: { id: string; code: string }[] }>('{ users { id code } }', {}, 'admin');
    const manager = users.find((u) => u.code === 'admin')?.id;
    const failing = await over(
      transport,
      production,
      {
        query: `mutation($m: ID!) { createCustomer(input: {code: "JT-BOOM-${transport.toUpperCase()}", name: "苏州测试客户", industry: "government", serviceLevel: GOLD, accountManagerId: $m}) { id } }`,
        variables: { m: manager },
      },
      { token },
    );
    expect([codesOf(failing), failing.errors?.[0].message]).toEqual([['INTERNAL_SERVER_ERROR'], expect.any(String)]);
    expect(failing.errors?.[0].message).toMatch(/^Internal error \(reference \w+\)$/);
    expect(JSON.stringify(failing)).not.toMatch(/secret detail|insert into/i);
  });

  test('When a WebSocket frame is larger than 2 MB, then the socket is closed before any token is read', async () => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { junk: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
    expect((await fetch(t.url.replace('/graphql', '/health/live'))).status).toBe(200);
  });

  test('When one connection opens more operations than allowed, then the next is refused with TOO_MANY_OPERATIONS', async () => {
    const client = wsClientFor(small, await tokenFor('admin'));
    try {
      const outcomes: Promise<string>[] = [];
      for (let i = 0; i < 4; i++) {
        outcomes.push(
          new Promise((resolve) => {
            client.subscribe(
              { query: 'subscription { ticketChanged { change } }' },
              { next: () => undefined, error: (e) => resolve(JSON.stringify(e)), complete: () => resolve('complete') },
            );
          }),
        );
      }
      expect(await outcomes[3]).toMatch(/TOO_MANY_OPERATIONS/);
    } finally {
      await client.dispose();
    }
  });

  test.each(TRANSPORTS)('When an answer would be larger than the cap over %s, then it is RESPONSE_TOO_LARGE instead', async (transport) => {
    const answer = await over(transport, small, { query: '{ __schema { types { name fields { name description } } } }' });
    expect(codesOf(answer)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(codesOf(await over(transport, small, { query: '{ departments { code } }' }))).toEqual([]);
  });

  test('When a subscription is refused by the guard, then the same socket still serves the next operation', async () => {
    const refused = await overWs(t, { query: circuitCycle(4), variables: { id: world.customer.id } });
    expect(codesOf(refused)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
