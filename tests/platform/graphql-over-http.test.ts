import { serverAudits } from 'graphql-http';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

/** The GraphQL-over-HTTP spec's MUSTs, audited against the running hub (graphql-http's audit suite). */
describe('GraphQL over HTTP conformance', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  // The audit's requests carry a staff token, as every client's must.
  const authorizedFetch = async (input: string | URL | Request, init?: RequestInit) =>
    fetch(input, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), authorization: `Bearer ${await tokenFor('admin')}` },
    });
  const audits = serverAudits({ url: () => t.url, fetchFn: authorizedFetch });
  const musts = audits.filter((audit) => audit.name.startsWith('MUST'));

  test('the audit suite has MUST audits to run', () => {
    expect(musts.length).toBeGreaterThan(10);
  });

  test.each(musts.map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({
      status: 'ok',
      reason: undefined,
    });
  });
});
