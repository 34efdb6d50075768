import { serverAudits } from 'graphql-http';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

/**
 * The GraphQL-over-HTTP spec's MUSTs, and its SHOULDs on the status of a document that fails to
 * parse or validate (200 with errors for application/json, 400 without data for
 * application/graphql-response+json), audited against the running hub (graphql-http's suite).
 */
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
  const documentFailures = audits.filter((audit) => /^SHOULD .*document (parsing|validation) failure/.test(audit.name));

  test('the audit suite has MUST audits to run', () => {
    expect(musts.length).toBeGreaterThan(10);
  });

  test('the audit suite has SHOULD audits on document failures for both media types', () => {
    expect(documentFailures.map((audit) => audit.id).sort()).toEqual(['51FE', '556A', '572B', '5E5B', '74FF', '865D', 'D586', 'FDE2']);
  });

  test.each([...musts, ...documentFailures].map((audit) => [audit.name, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect({ status: result.status, reason: result.status === 'ok' ? undefined : result.reason }).toEqual({
      status: 'ok',
      reason: undefined,
    });
  });
});
