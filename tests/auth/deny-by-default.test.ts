import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { CUSTOMER_ACCESS } from '../../src/modules/auth/access';
import { rootFieldAccess } from '../../src/modules/auth/root-field-access';
import { Role } from '../../src/modules/org/role.enum';
import { makeWorld, type World } from '../support/fixtures';
import { startTestHub, type TestHub } from '../support/hub';
import { codesOf, over, TRANSPORTS } from '../support/transports';

const SCALARS: Record<string, unknown> = {
  ID: randomUUID(),
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTimeISO: '2026-03-02T09:00:00.000Z',
  Date: '2026-03-02',
  JSONObject: {},
};

/** A value for an argument of this type that passes GraphQL's coercion (required input fields filled in). */
function sample(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sample(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isScalarType(inner)) return SCALARS[inner.name] ?? 'x';
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) if (isNonNullType(field.type)) value[field.name] = sample(field.type);
    return value;
  }
  return null;
}

/** The smallest operation that reaches one root field, with its required arguments as variables. */
function operationFor(kind: string, field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const declarations = required.map((arg, i) => `$a${i}: ${arg.type}`).join(', ');
  const args = required.map((arg, i) => `${arg.name}: $a${i}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const operation = kind === 'Query' ? 'query' : kind === 'Mutation' ? 'mutation' : 'subscription';
  return {
    query: `${operation} Probe${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg, i) => [`a${i}`, sample(arg.type)])),
  };
}

describe('Deny by default: every root field names who may use it, and nobody else gets in', () => {
  let t: TestHub;
  let world: World;
  const contractor = 'deny.contractor';

  beforeAll(async () => {
    t = await startTestHub();
    world = await makeWorld(t, { circuitCount: 1 });
    await t.ok(
      'mutation($d: ID!) { createUser(input: {code: "deny.contractor", name: "外包", departmentId: $d, roles: [CONTRACTOR]}) { id } }',
      {
        d: world.departments.MAINT ?? world.departments.OPS,
      },
    );
  });
  afterAll(() => t.stop());

  test('When the emitted schema is walked, then every query, mutation and subscription declares its access', () => {
    const emitted = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    const access = rootFieldAccess(t.hub.schema);
    const roots = [emitted.getQueryType(), emitted.getMutationType(), emitted.getSubscriptionType()];
    const fields = roots.flatMap((root) => Object.keys(root?.getFields() ?? {}).map((name) => `${root?.name}.${name}`));
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.filter((field) => !access.get(field)?.length)).toEqual([]);
  });

  const probes = () => {
    const schema = t.hub.schema;
    const access = rootFieldAccess(schema);
    return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((root) =>
      Object.values(root?.getFields() ?? {}).map((field) => ({
        name: `${root?.name}.${field.name}`,
        subscription: root?.name === 'Subscription',
        request: operationFor(root?.name ?? '', field),
        roles: access.get(`${root?.name}.${field.name}`) ?? [],
      })),
    );
  };

  test.each(TRANSPORTS)('When a contractor tries every root field over %s, then all but its task work are FORBIDDEN', async (transport) => {
    const granted: string[] = [];
    for (const probe of probes()) {
      if (probe.subscription && transport === 'http') continue;
      const allowed = probe.roles.includes(Role.CONTRACTOR);
      const answer = await over(transport, t, probe.request, contractor, { awaitRefusal: !allowed });
      if (allowed) granted.push(probe.name);
      if (allowed) expect({ field: probe.name, codes: codesOf(answer) }).not.toEqual({ field: probe.name, codes: ['FORBIDDEN'] });
      else expect({ field: probe.name, codes: codesOf(answer) }).toEqual({ field: probe.name, codes: ['FORBIDDEN'] });
    }
    expect(granted.sort()).toEqual(
      [
        'Mutation.claimTask',
        'Mutation.completeTask',
        'Mutation.unclaimTask',
        // the documents a contractor hands in through its tasks (its own uploads)
        'Query.attachment',
        'Query.task',
        'Query.tasks',
        ...(transport === 'ws' ? ['Subscription.taskChanged'] : []),
      ].sort(),
    );
  });

  test.each(TRANSPORTS)('When a customer token tries every root field over %s, then only its own reads are allowed', async (transport) => {
    const granted: string[] = [];
    for (const probe of probes()) {
      if (probe.subscription && transport === 'http') continue;
      const allowed = probe.roles.includes(CUSTOMER_ACCESS);
      const answer = await over(transport, t, probe.request, { customerId: world.customer.id }, { awaitRefusal: !allowed });
      if (allowed) granted.push(probe.name);
      if (!allowed) expect({ field: probe.name, codes: codesOf(answer) }).toEqual({ field: probe.name, codes: ['FORBIDDEN'] });
    }
    expect(granted.sort()).toEqual(
      [
        'Query.addWorkingTime',
        'Query.calendarDays',
        'Query.holidaySchedule',
        'Query.workingDays',
        'Query.workingDaysBefore',
        'Query.circuit',
        'Query.circuits',
        'Query.customer',
        'Query.customers',
        'Query.ticket',
        'Query.tickets',
        // the measures, narrowed to one row: its own customer's (the center's figures are staff-only)
        'Query.measures',
        // its own tickets' documents, and federation references narrowed to its own entities
        'Query.attachment',
        'Query._entities',
        // the cutover notices sent to it (never another customer's in the same cutover)
        'Query.cutoverNotices',
        ...(transport === 'ws' ? ['Subscription.ticketChanged'] : []),
      ].sort(),
    );
  });

  test('When a subscription is posted over HTTP, then it is refused and never runs', async () => {
    const answer = await over('http', t, { query: 'subscription { ticketChanged { change } }' });
    expect(answer.data ?? null).toBeNull();
    // Refused as the caller's mistake, before any resolver runs (which would fail without an event).
    expect(answer.status).toBe(405);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(answer.errors?.[0].message).toContain('WebSocket');
  });
});
