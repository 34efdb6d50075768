import { execute, getIntrospectionQuery, graphql, parse } from 'graphql';
import { createLoaders } from '../../src/composition/loaders';
import { createContext } from '../../src/graphql/context';
import { confirmPrincipal } from '../../src/modules/auth/principal';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Operations run compiled (graphql-jit behind Apollo). These pin what clients rely on from
 * graphql-js and what the compiler once got wrong.
 */
describe('Compiled execution answers as graphql-js does', () => {
  let t: TestHub;
  let world: World;

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t);
  });
  afterAll(() => t.stop());

  const OPEN = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { priority description circuits { id } } }`;

  it('When variables leave out input fields that have defaults, then the defaults apply, as in a literal', async () => {
    const input = { kind: 'CONSULTATION', channel: 'PHONE', title: '咨询', customerId: world.customer.id };
    const byVariables = await t.ok<{ openTicket: Record<string, unknown> }>(OPEN, { input });
    expect(byVariables.openTicket).toEqual({ priority: 'MEDIUM', description: '', circuits: [] });

    const literal = `mutation { openTicket(input: { kind: CONSULTATION, channel: PHONE, title: "咨询", customerId: "${world.customer.id}" }) { priority description circuits { id } } }`;
    expect((await t.ok<{ openTicket: Record<string, unknown> }>(literal)).openTicket).toEqual(byVariables.openTicket);
  });

  it('When a variable has the wrong type, then BAD_USER_INPUT names it and nothing runs', async () => {
    const res = await t.gql(OPEN, { input: { kind: 'NO_SUCH_KIND', channel: 'PHONE', title: 'x', customerId: world.customer.id } });
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0].message).toContain('$input');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('When a resolver fails, then the error keeps its code, path and location, and the rest of the data comes', async () => {
    const res = await t.gql(`query($id: ID!) { customer(id: $id) { id } ticket(id: "not-a-uuid") { id } }`, { id: world.customer.id });
    expect(res.data).toEqual({ customer: { id: world.customer.id }, ticket: null });
    const missing = `mutation { transitionTicket(input: { id: "00000000-0000-4000-8000-000000000001", to: closed }) { id } }`;
    const failed = await t.gql(missing);
    expect(failed.errors?.[0]).toMatchObject({
      path: ['transitionTicket'],
      locations: [{ line: 1, column: 12 }],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('When __typename and fragments are asked for, then they resolve', async () => {
    const data = await t.ok<{ customer: Record<string, unknown> }>(
      `query($id: ID!) { customer(id: $id) { __typename ...Names } } fragment Names on Customer { code name }`,
      { id: world.customer.id },
    );
    expect(data.customer).toEqual({ __typename: 'Customer', code: expect.any(String), name: expect.any(String) });
  });

  it('When the schema is introspected, then the answer is the one graphql-js gives', async () => {
    const expected = await graphql({ schema: t.hub.schema, source: getIntrospectionQuery() });
    const answered = await t.ok(getIntrospectionQuery());
    expect(answered).toEqual(JSON.parse(JSON.stringify(expected.data)));
  });

  it('When a page is read with aliases, fragments, directives and nulls, then the answer is the one graphql-js gives', async () => {
    for (let i = 0; i < 3; i++) {
      await t.ok(OPEN, {
        input: {
          kind: 'FAULT',
          channel: 'PHONE',
          title: `比对 ${i}`,
          customerId: world.customer.id,
          circuitIds: world.circuits.slice(0, i).map((c) => c.id),
        },
      });
    }
    const query = `query Page($first: Int!, $withHistory: Boolean!, $plain: Boolean!) {
      page: tickets(first: $first, orderBy: {field: NUMBER, direction: ASC}) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...Ticket assignee { id } } }
      }
      first: tickets(first: 1) { edges { node { number severity closedAt } } }
    }
    fragment Ticket on Ticket {
      id number status overdue allowedTransitions
      who: customer { name serviceLevel manager: accountManager { code } }
      circuits @skip(if: $plain) { code bandwidthMbps }
      history(last: 2) @include(if: $withHistory) { action changes { field from to } actor { code } }
    }`;
    const variables = { first: 3, withHistory: true, plain: false };
    const admin = { kind: 'staff', userCode: 'admin', customerId: null } as const;
    const expected = await execute({
      schema: t.hub.schema,
      document: parse(query),
      variableValues: variables,
      contextValue: createContext(
        { em: t.hub.database.orm.em, services: t.hub.services, clock: t.clock, createLoaders },
        admin,
        await confirmPrincipal(t.hub.database.orm.em.fork(), admin),
      ),
    });
    expect(expected.errors).toBeUndefined();
    expect(await t.ok(query, variables)).toEqual(JSON.parse(JSON.stringify(expected.data)));
  });
});
