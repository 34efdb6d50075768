import { serverAudits } from 'graphql-http';
import { startTestHub, type TestHub } from '../support/hub';

/** The GraphQL-over-HTTP spec's MUSTs, audited against the running hub (graphql-http's audit suite). */
describe('GraphQL over HTTP conformance', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(() => t.stop());

  const audits = serverAudits({ url: () => t.url, fetchFn: fetch });
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
