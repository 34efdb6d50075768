import fc from 'fast-check';

// Fixed by default so CI is reproducible; FC_SEED=random (or a number) explores further.
const FC_SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261124);

import { makeWorld } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { overWs, type Answer as WsAnswer } from '../support/transports';

/** Real operations whose documents the fuzzer cuts up and whose variables it replaces. */
const SEEDS = [
  'query($first: Int!, $after: String, $filter: TicketFilter) { tickets(first: $first, after: $after, filter: $filter) { totalCount edges { cursor node { id number status customer { name } history(last: 3) { action } } } } }',
  'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number } }',
  'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { id status } }',
  'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
  'query($id: ID!) { ticket(id: $id) { id } customer(id: $id) { id } processInstance(id: $id) { id } }',
  'mutation($key: String!, $v: JSONObject) { startProcess(key: $key, variables: $v) { id status } }',
  'mutation($xml: String!) { deployProcessDefinition(input: {xml: $xml}) { created } }',
  '{ processDefinitions { key versions { version elements { id } } } tasks { id } departments { code } }',
];

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null;
}

async function send(t: TestHub, body: string): Promise<Answer> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('fuzz.user')}` },
    body,
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: null };
  }
}

/** A proper answer: no 5xx, JSON, and every error says what it is with a code (none internal). */
function expectProperAnswer(answer: Answer): void {
  expect(answer.status).toBeLessThan(500);
  expect(answer.body).not.toBeNull();
  for (const error of answer.body?.errors ?? []) {
    expect(typeof error.message).toBe('string');
    expect(typeof error.extensions?.code).toBe('string');
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

/** Over WebSocket: the socket stays open (no close code) and every error carries a code, none internal. */
function expectProperWsAnswer(answer: WsAnswer): void {
  expect(answer.closed).toBeUndefined();
  for (const error of answer.errors ?? []) {
    expect(typeof error.message).toBe('string');
    expect(typeof error.extensions?.code).toBe('string');
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

/** Values for the seeds' own variable names: right names, wrong shapes. */
const seedVariables = fc.dictionary(
  fc.constantFrom('first', 'after', 'filter', 'input', 'id', 'key', 'v', 'xml'),
  fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string(), fc.integer(), fc.constant(null), fc.uuid()),
);

const mutateDocument = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.string({ maxLength: 4 })), { maxLength: 4 }))
  .map(([doc, cuts]) =>
    cuts.reduce((d, [at, len, insert]) => d.slice(0, at % (d.length + 1)) + insert + d.slice((at % (d.length + 1)) + len), doc),
  );

describe('Random and malformed GraphQL against the running hub', () => {
  let t: TestHub;
  let tried = 0;
  let wsTried = 0;
  beforeAll(async () => {
    t = await startTestHub();
    const world = await makeWorld(t, { circuitCount: 1 });
    await t.ok(
      'mutation($d: ID!) { createUser(input: {code: "fuzz.user", name: "fuzz", departmentId: $d, roles: [RESPONSE_CENTER]}) { id } }',
      { d: world.departments.KX },
    );
  });
  afterAll(async () => {
    console.log(`fuzz: ${tried} hostile requests, ${wsTried} of them over WebSocket`);
    await t.stop();
  });

  test('When documents are cut and spliced at random, then every answer is a proper error or data', async () => {
    await fc.assert(
      fc.asyncProperty(mutateDocument, fc.jsonValue({ maxDepth: 3 }), async (query, variables) => {
        tried++;
        expectProperAnswer(await send(t, JSON.stringify({ query, variables })));
      }),
      { numRuns: 400, seed: FC_SEED },
    );
  });

  test('When real operations get random variables, then bad values are refused as BAD_USER_INPUT, never crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), seedVariables, async (query, vars) => {
        tried++;
        expectProperAnswer(await send(t, JSON.stringify({ query, variables: vars })));
      }),
      { numRuns: 400, seed: FC_SEED },
    );
  });

  test('When documents are cut and spliced at random over WebSocket, then every answer is a proper error or data', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutateDocument,
        fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
        async (query, variables) => {
          tried++;
          wsTried++;
          expectProperWsAnswer(await overWs(t, { query, variables }, 'fuzz.user'));
        },
      ),
      { numRuns: 400, seed: FC_SEED },
    );
  });

  test('When real operations get random variables over WebSocket, then bad values are refused, never crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), seedVariables, async (query, vars) => {
        tried++;
        wsTried++;
        expectProperWsAnswer(await overWs(t, { query, variables: vars }, 'fuzz.user'));
      }),
      { numRuns: 400, seed: FC_SEED },
    );
    expect((await fetch(t.url.replace('/graphql', '/health/live'))).status).toBe(200);
  });

  test('When the body is not a GraphQL request at all, then the hub answers 4xx and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.constant('{"query": 42}'),
          fc.constant('{"query": "{", "variables": "x"}'),
        ),
        async (body) => {
          tried++;
          const answer = await send(t, body);
          expect(answer.status).toBeLessThan(500);
        },
      ),
      { numRuns: 400, seed: FC_SEED },
    );
    expect((await t.ok<{ departments: unknown[] }>('{ departments { code } }')).departments.length).toBeGreaterThan(5);
  });
});
