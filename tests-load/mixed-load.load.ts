import autocannon from 'autocannon';
import { makeWorld, type World } from '../tests/support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../tests/support/hub';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 300);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 15);

const PAGE =
  'query { tickets(first: 20) { totalCount edges { node { id number status customer { name } history(last: 3) { action } } } } }';
const OPEN = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';

describe('A bounded load on loopback', () => {
  let t: TestHub;
  let world: World;
  beforeAll(async () => {
    t = await startTestHub({ config: { dbPoolSize: 10 } });
    world = await makeWorld(t, { circuitCount: 2 });
  });
  afterAll(() => t.stop());

  test(`When ${CONNECTIONS} connections mix reads and writes for ${SECONDS} s, then no 5xx, and every acknowledged write is stored exactly once`, async () => {
    let sequence = 0;
    const acknowledged = new Set<string>();
    const result = await autocannon({
      url: t.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(world.duty.code)}` },
          setupRequest: (request) => {
            const n = sequence++;
            // One write in four, each with its own idempotency key (the title carries it too).
            const body =
              n % 4 === 0
                ? {
                    query: OPEN,
                    variables: {
                      input: {
                        kind: 'FAULT',
                        channel: 'NETWORK_ALARM',
                        title: `load-${n}`,
                        customerId: world.customer.id,
                        idempotencyKey: `load-${n}`,
                      },
                    },
                  }
                : { query: PAGE };
            return { ...request, body: JSON.stringify(body) };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            const parsed = JSON.parse(body) as { data?: { openTicket?: { id: string } } };
            if (parsed.data?.openTicket) acknowledged.add(parsed.data.openTicket.id);
          },
        },
      ],
    });
    console.log(
      `load: ${result.requests.total} requests, ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result.non2xx} non-2xx, ${result.errors} errors, ${acknowledged.size} tickets acknowledged`,
    );
    expect(result['5xx']).toBe(0);
    expect(result.errors).toBe(0);

    // Writes still in flight when the clock ran out got no answer: the client retries every key
    // it sent, as a real client would, and each retry must find the one ticket of its key.
    const keys = Array.from({ length: sequence }, (_, n) => n).filter((n) => n % 4 === 0);
    const byKey = new Map<number, string>();
    for (const n of keys) {
      const retry = await t.ok<{ openTicket: { id: string } }>(
        OPEN,
        {
          input: {
            kind: 'FAULT',
            channel: 'NETWORK_ALARM',
            title: `load-${n}`,
            customerId: world.customer.id,
            idempotencyKey: `load-${n}`,
          },
        },
        world.duty.code,
      );
      byKey.set(n, retry.openTicket.id);
    }
    for (const id of acknowledged) expect([...byKey.values()]).toContain(id);
    const stored = await t.hub.database.orm.em
      .fork()
      .execute<{ n: string; distinct_titles: string }[]>(
        "select count(*) as n, count(distinct title) as distinct_titles from ticket where title like 'load-%'",
      );
    expect(new Set(byKey.values()).size).toBe(keys.length);
    expect(Number(stored[0].n)).toBe(keys.length);
    expect(Number(stored[0].distinct_titles)).toBe(keys.length);
  });
});
