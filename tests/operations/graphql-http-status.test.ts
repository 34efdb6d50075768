import { preferredGraphqlType } from '../../src/graphql/accept';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

describe('GraphQL over HTTP: the status of a document that fails to parse or validate follows the media type the client accepts', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  const post = async (query: string, accept?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('admin')}` };
    if (accept) headers.accept = accept;
    const res = await fetch(t.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return {
      status: res.status,
      type: res.headers.get('content-type')?.split(';')[0],
      codes: body.errors?.map((e) => e.extensions?.code),
      body,
    };
  };

  test.each([
    ['no Accept header', undefined],
    ['application/json', 'application/json'],
    ['*/*', '*/*'],
    ['application/json first by quality', 'application/graphql-response+json;q=0.5, application/json'],
  ])('When a client sends %s and the document does not parse or validate, then 200 with the errors', async (_name, accept) => {
    expect(await post('{ departments { id', accept)).toMatchObject({
      status: 200,
      type: 'application/json',
      codes: ['GRAPHQL_PARSE_FAILED'],
    });
    expect(await post('{ noSuchField }', accept)).toMatchObject({
      status: 200,
      type: 'application/json',
      codes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    // The hub's own limits are validation rules: refused the same way, their code kept.
    const deep = `{ customers { edges { node { ${'circuits { customer { '.repeat(6)}id${' } }'.repeat(6)} } } } }`;
    const limited = await post(deep, accept);
    expect(limited.status).toBe(200);
    expect(new Set(limited.codes)).toEqual(new Set(['QUERY_TOO_COMPLEX']));
  });

  test.each([
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['both, graphql-response first', 'application/graphql-response+json, application/json'],
  ])('When a client accepts %s and the document does not parse or validate, then 400 and no data', async (_name, accept) => {
    for (const query of ['{ departments { id', '{ noSuchField }']) {
      const answer = await post(query, accept);
      expect(answer).toMatchObject({ status: 400, type: 'application/graphql-response+json' });
      expect(answer.body).not.toHaveProperty('data');
    }
  });

  test('When a document is fine, then 200 for either media type; when it names no operation to run, then 400 as before', async () => {
    expect((await post('{ __typename }', 'application/graphql-response+json')).status).toBe(200);
    expect((await post('{ __typename }')).status).toBe(200);
    expect(await post('query A { __typename } query B { __typename }')).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  test('When Accept headers are negotiated, then the preference matches what Apollo writes', () => {
    expect(preferredGraphqlType(undefined)).toBe('application/json');
    expect(preferredGraphqlType('text/html, application/*;q=0.2')).toBe('application/json');
    expect(preferredGraphqlType('application/json;q=0.1, application/graphql-response+json')).toBe('application/graphql-response+json');
    expect(preferredGraphqlType('application/json;q=0, application/*')).toBe('application/graphql-response+json');
    expect(preferredGraphqlType('text/html')).toBeNull();
  });
});
