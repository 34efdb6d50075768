import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';
import { makeStaff } from '../support/processes';
import { overWs } from '../support/transports';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename
  ... on Circuit { id code bandwidthMbps }
  ... on Customer { id code }
  ... on Ticket { id number }
  ... on User { id code }
  ... on ProcessInstance { id }
} }`;

type Entity = { __typename: string; id?: string; code?: string; number?: string } | null;

/** A small OSS inventory: it extends the hub's Circuit by its code with the port it hangs on. */
const INVENTORY = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Circuit @key(fields: "code") { code: String! oltPort: String! }
  type Query { portsDown: [Circuit!]! }
`);

describe('A federated subgraph for integrators', () => {
  let t: TestHub;
  let world: World;
  let other: World;
  let staff: { ops: string; kx: string; sales: string };
  const circuitCodes: string[] = [];

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 3 });
    other = await makeWorld(t, { circuitCount: 1 });
    staff = await makeStaff(t);
    circuitCodes.push(...world.circuits.map((c) => c.code));
  });
  afterAll(() => t.stop());

  test('When an integrator asks for _service, then it gets Federation 2 SDL with the keys of the five entities', async () => {
    const { _service } = await t.ok<{ _service: { sdl: string } }>('{ _service { sdl } }', {}, staff.kx);
    expect(_service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    const keysOf = (type: string) =>
      [...(_service.sdl.match(new RegExp(`type ${type}\\s+((?:@key\\(fields: "\\w+"\\)\\s*)+)\\{`))?.[1] ?? '').matchAll(/"(\w+)"/g)].map(
        (m) => m[1],
      );
    expect(keysOf('Customer')).toEqual(['id', 'code']);
    expect(keysOf('Circuit')).toEqual(['id', 'code']);
    expect(keysOf('Ticket')).toEqual(['id', 'number']);
    expect(keysOf('ProcessInstance')).toEqual(['id']);
    expect(keysOf('User')).toEqual(['id']);
  });

  test('When 100 circuit references arrive by code, then they resolve in as many SQL statements as 10 do', async () => {
    const refs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'Circuit', code: circuitCodes[i % circuitCodes.length] }));
    const ten = await t.countStatements(() => t.ok(ENTITIES, { r: refs(10) }, staff.kx));
    const hundred = await t.countStatements(() => t.ok(ENTITIES, { r: refs(100) }, staff.kx));
    expect(hundred.count).toBe(ten.count);
    const answer = await t.ok<{ _entities: Entity[] }>(ENTITIES, { r: refs(100) }, staff.kx);
    expect(answer._entities).toHaveLength(100);
    expect(answer._entities[0]).toMatchObject({ __typename: 'Circuit', code: circuitCodes[0] });
  });

  test('When references mix types and keys, then each resolves by its own key, and an unknown one is null', async () => {
    const ticket = await t.ok<{ openTicket: { id: string; number: string } }>(
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number } }`,
      { input: { kind: 'CONSULTATION', channel: 'PHONE', title: '咨询带宽', customerId: world.customer.id } },
    );
    const { customer } = await t.ok<{ customer: { code: string } }>('query($id: ID!) { customer(id: $id) { code } }', {
      id: world.customer.id,
    });
    const answer = await t.ok<{ _entities: Entity[] }>(
      ENTITIES,
      {
        r: [
          { __typename: 'Customer', code: customer.code },
          { __typename: 'Ticket', number: ticket.openTicket.number },
          { __typename: 'Ticket', id: ticket.openTicket.id },
          { __typename: 'Circuit', code: 'NO-SUCH-CIRCUIT' },
        ],
      },
      staff.kx,
    );
    expect(answer._entities).toEqual([
      { __typename: 'Customer', id: world.customer.id, code: customer.code },
      { __typename: 'Ticket', id: ticket.openTicket.id, number: ticket.openTicket.number },
      { __typename: 'Ticket', id: ticket.openTicket.id, number: ticket.openTicket.number },
      null,
    ]);
  });

  test("When a customer token resolves references, then it gets its own customer's entities and null for anything else, over HTTP and WebSocket", async () => {
    const refs = [
      { __typename: 'Circuit', code: world.circuits[0].code },
      { __typename: 'Circuit', code: other.circuits[0].code },
      { __typename: 'Customer', id: other.customer.id },
      { __typename: 'User', id: world.accountManager.id },
    ];
    const expected = [
      { __typename: 'Circuit', id: world.circuits[0].id, code: world.circuits[0].code, bandwidthMbps: 100 },
      null,
      null,
      null,
    ];
    const overHttp = await t.ok<{ _entities: Entity[] }>(ENTITIES, { r: refs }, { customerId: world.customer.id });
    expect(overHttp._entities).toEqual(expected);
    const viaWs = await overWs(t, { query: ENTITIES, variables: { r: refs } }, { customerId: world.customer.id });
    expect(viaWs.data).toEqual({ _entities: expected });
  });

  test('When a contractor or a customer token asks for the SDL, or a contractor for entities, then it is FORBIDDEN', async () => {
    const { departments } = await t.ok<{ departments: { id: string; code: string }[] }>('{ departments { id code } }');
    const contractor = `contractor.${Date.now().toString(36)}`;
    await t.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        code: contractor,
        name: contractor,
        departmentId: departments.find((d) => d.code === 'CONTRACTOR')?.id,
        roles: ['CONTRACTOR'],
      },
    });
    for (const [query, as] of [
      ['{ _service { sdl } }', contractor],
      ['{ _service { sdl } }', { customerId: world.customer.id }],
      [ENTITIES, contractor],
    ] as const) {
      const res = await t.gql(query, { r: [{ __typename: 'Circuit', code: world.circuits[0].code }] }, as);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  test('When more than 500 representations arrive at once, then the call is refused with BAD_USER_INPUT', async () => {
    const refs = Array.from({ length: 501 }, () => ({ __typename: 'Circuit', code: world.circuits[0].code }));
    const res = await t.gql(ENTITIES, { r: refs }, staff.kx);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('When the hub is composed with an OSS inventory subgraph, then a gateway answers a query across both', async () => {
    const [down] = world.circuits;
    const inventory = new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: INVENTORY,
        resolvers: {
          Query: { portsDown: () => [{ code: down.code, oltPort: `OLT-7/${down.code.length}` }] },
          Circuit: { __resolveReference: (ref: { code: string }) => ({ code: ref.code, oltPort: `OLT-7/${ref.code.length}` }) },
        },
      }),
    });
    const { url: inventoryUrl } = await startStandaloneServer(inventory, { listen: { port: 0 } });
    const { _service } = await t.ok<{ _service: { sdl: string } }>('{ _service { sdl } }', {}, staff.kx);
    const composed = composeServices([
      { name: 'hub', typeDefs: parse(_service.sdl), url: t.url },
      { name: 'inventory', typeDefs: INVENTORY, url: inventoryUrl },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const token = await tokenFor(staff.kx);
    const gateway = new ApolloServer({
      gateway: new ApolloGateway({
        supergraphSdl: composed.supergraphSdl,
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource({
            url,
            willSendRequest: ({ request }) => {
              request.http?.headers.set('authorization', `Bearer ${token}`);
            },
          }),
      }),
    });
    const { url: gatewayUrl } = await startStandaloneServer(gateway, { listen: { port: 0 } });
    try {
      const post = async (query: string, variables: Record<string, unknown> = {}) => {
        const res = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      };
      // Hub first, then the inventory's port for the same circuit.
      const fromHub = await post('query($id: ID!) { circuit(id: $id) { code bandwidthMbps oltPort } }', { id: down.id });
      expect(fromHub).toEqual({ data: { circuit: { code: down.code, bandwidthMbps: 100, oltPort: `OLT-7/${down.code.length}` } } });
      // Inventory first, then the hub's _entities by code.
      const fromInventory = await post('{ portsDown { code oltPort bandwidthMbps customer { id } } }');
      expect(fromInventory).toEqual({
        data: {
          portsDown: [{ code: down.code, oltPort: `OLT-7/${down.code.length}`, bandwidthMbps: 100, customer: { id: world.customer.id } }],
        },
      });
    } finally {
      await gateway.stop();
      await inventory.stop();
    }
  });
});
