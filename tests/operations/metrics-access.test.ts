import { startTestHub, type TestHub } from '../support/hub';
import { metricsUrl } from './metrics-support';

const TOKEN = 'scraper-token-for-this-test';

describe('Who may read /metrics', () => {
  let guarded: TestHub;
  let production: TestHub;
  beforeAll(async () => {
    guarded = await startTestHub({ config: { metricsToken: TOKEN } });
    production = await startTestHub({ config: { production: true, jwtSecret: 'a-production-secret-for-metrics-access' } });
  });
  afterAll(async () => {
    await guarded.stop();
    await production.stop();
  });

  const read = (t: TestHub, authorization?: string) => fetch(metricsUrl(t), { headers: authorization ? { authorization } : {} });

  test('When METRICS_TOKEN is set, then /metrics needs it as a bearer token: 401 without it or with another', async () => {
    const none = await read(guarded);
    expect([none.status, none.headers.get('www-authenticate')]).toEqual([401, 'Bearer realm="metrics"']);
    expect((await read(guarded, 'Bearer not-the-token')).status).toBe(401);
    expect((await read(guarded, `Bearer ${TOKEN}x`)).status).toBe(401);
    const ok = await read(guarded, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('kexiang_graphql_requests_total');
  });

  test('When a production hub has no METRICS_TOKEN, then /metrics is off (404), and health still answers', async () => {
    expect((await read(production)).status).toBe(404);
    expect((await read(production, 'Bearer anything')).status).toBe(404);
    expect((await fetch(production.url.replace('/graphql', '/health/ready'))).status).toBe(200);
  });
});
