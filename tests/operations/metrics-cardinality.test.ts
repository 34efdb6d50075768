import { startTestHub, type TestHub } from '../support/hub';
import { samples, scrape } from './metrics-support';

const operationsIn = (text: string): string[] =>
  [
    ...new Set(
      samples(text)
        .filter((s) => s.name === 'kexiang_graphql_requests_total')
        .map((s) => s.labels.operation),
    ),
  ].sort();

describe('/metrics stays bounded whatever operation names clients choose', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ config: { metricsMaxOperations: 2 } });
  });
  afterAll(() => t.stop());

  test('When a token holder sends many random operation names, then past the bound they share __other and the series stop growing', async () => {
    await t.ok('query Dashboard { __typename }');
    await t.ok('query TicketBoard { __typename }');
    for (let i = 0; i < 40; i++) await t.ok(`query R${Math.random().toString(36).slice(2)}${i} { __typename }`);
    // The first names keep their own series, later repeats of them too.
    await t.ok('query Dashboard { __typename }');
    const text = await scrape(t);
    expect(operationsIn(text)).toEqual(['Dashboard', 'TicketBoard', '__other']);
    const other = samples(text).find((s) => s.name === 'kexiang_graphql_requests_total' && s.labels.operation === '__other');
    expect(other?.value).toBe(40);
    const dashboard = samples(text).find((s) => s.name === 'kexiang_graphql_requests_total' && s.labels.operation === 'Dashboard');
    expect(dashboard?.value).toBe(2);
  });

  test('When documents fail to parse or validate, or come without a token, then their names never become labels', async () => {
    await t.gql('query Broken1 { __typename');
    await t.gql('query Invalid2 { noSuchField }');
    await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"query NoToken3 { __typename }"}',
    });
    const text = await scrape(t);
    expect(operationsIn(text)).toEqual(['Dashboard', 'TicketBoard', '__other', '__unknown']);
    expect(text).not.toMatch(/Broken1|Invalid2|NoToken3/);
  });
});
