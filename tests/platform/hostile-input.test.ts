import { GraphQLError } from 'graphql';
import { operationLimits } from '../../src/graphql/armor';
import { createFormatError } from '../../src/graphql/format-error';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

const post = async (t: TestHub, body: unknown) =>
  fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('admin')}` },
    body: JSON.stringify(body),
  });

describe('Operations built to exhaust the hub are refused before they run', () => {
  let t: TestHub;
  let production: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
    production = await startTestHub({ config: { production: true, jwtSecret: 'a-production-secret-for-this-test' } });
  });
  afterAll(async () => {
    await production.stop();
    await t.stop();
  });

  test(`When a query nests deeper than ${operationLimits.maxDepth}, then it is refused naming the limit`, async () => {
    const deep = `{ tickets { edges { node { customer { accountManager { department { id } } } } } } }`;
    expect((await t.gql(deep)).errors).toBeUndefined();
    const tooDeep = `{ tickets { edges { node { circuits { customer { circuits { customer { circuits { customer { circuits { customer { circuits { customer { id } } } } } } } } } } } } } }`;
    const res = await t.gql(tooDeep);
    expect(res.errors?.[0].message).toMatch(/depth/i);
  });

  test('When a query uses more aliases than the limit, then it is refused', async () => {
    const aliases = Array.from({ length: operationLimits.maxAliases + 1 }, (_, i) => `a${i}: departments { id }`).join(' ');
    const res = await t.gql(`{ ${aliases} }`);
    expect(res.errors?.[0].message).toMatch(/alias/i);
  });

  test('When a field carries more directives than the limit, then it is refused', async () => {
    const directives = Array.from({ length: operationLimits.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const res = await t.gql(`{ departments ${directives} { id } }`);
    expect(res.errors?.[0].message).toMatch(/directive/i);
  });

  test('When a document has more tokens than the limit, then it is refused', async () => {
    const fields = Array.from({ length: operationLimits.maxTokens }, () => 'id').join(' ');
    const res = await t.gql(`{ departments { ${fields} } }`);
    expect(res.errors?.[0].message).toMatch(/token/i);
  });

  test('When a request body is larger than 2 MB, then 413 with a JSON error, and nothing runs', async () => {
    const res = await post(t, { query: `{ departments { id } } # ${'x'.repeat(2 * 1024 * 1024)}` });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('When requests are batched in one HTTP body, then they are refused', async () => {
    const res = await post(t, [{ query: '{ departments { id } }' }, { query: '{ departments { id } }' }]);
    expect(res.status).toBe(400);
  });

  test('When the hub runs in production, then introspection and field suggestions are off', async () => {
    expect((await t.gql('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    const introspection = await production.gql('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await production.gql('{ departmnts { id } }');
    expect(typo.errors?.[0].message).not.toMatch(/did you mean/i);
    const typoDev = await t.gql('{ departmnts { id } }');
    expect(typoDev.errors?.[0].message).toMatch(/did you mean/i);
  });

  test('When an unexpected error happens in production, then the caller sees a reference and the log has the details', () => {
    const logged: [string, unknown][] = [];
    const format = createFormatError({ production: true, log: (line, error) => logged.push([line, error]) });
    const original = new Error('connection to 10.0.0.5 refused: password authentication failed');
    const formatted = format(
      { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(original.message, { originalError: original }),
    );
    const reference = formatted.extensions?.reference as string;
    expect(formatted.message).toBe(`Internal error (reference ${reference})`);
    expect(JSON.stringify(formatted)).not.toContain('10.0.0.5');
    expect(logged).toEqual([[`[error ${reference}]`, original]]);
  });
});
