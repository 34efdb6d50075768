import { startTestHub, type TestHub } from '../support/hub';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/** Asks again until `done` holds; bounded, so a hub that never gets there fails the test. */
async function until(read: () => Promise<number>, done: (status: number) => boolean, attempts = 60): Promise<number> {
  for (let i = 0; ; i++) {
    const value = await read();
    if (done(value) || i >= attempts) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('When PostgreSQL goes away and comes back', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestHub;
  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = await startTcpProxy();
    const url = new URL(db.url);
    url.port = String(proxy.port);
    t = await startTestHub({ database: db, config: { databaseUrl: url.toString() } });
  });
  afterAll(async () => {
    proxy.restore();
    await t.stop();
    await proxy.close();
    await db.drop();
  });

  const health = async (path: string) => (await fetch(t.url.replace('/graphql', path))).status;

  test('then the hub reports not ready, stays alive, answers with errors, and recovers by itself', async () => {
    expect(await health('/health/ready')).toBe(200);
    proxy.cut();
    expect(
      await until(
        () => health('/health/ready'),
        (s) => s === 503,
      ),
    ).toBe(503);
    expect(await health('/health/live')).toBe(200);
    const during = await t.gql('{ departments { code } }');
    expect(during.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');

    proxy.restore();
    expect(
      await until(
        () => health('/health/ready'),
        (s) => s === 200,
      ),
    ).toBe(200);
    const after = await t.ok<{ departments: { code: string }[] }>('{ departments { code } }');
    expect(after.departments.map((d) => d.code)).toContain('KX');
    const created = await t.ok<{ createDepartment: { code: string } }>(
      'mutation { createDepartment(input: {code: "AFTER", name: "恢复后"}) { code } }',
    );
    expect(created.createDepartment.code).toBe('AFTER');
  }, 60_000);
});

describe('A runaway statement', () => {
  test('When a statement runs longer than STATEMENT_TIMEOUT_MS, then PostgreSQL cancels it', async () => {
    const t = await startTestHub({ config: { statementTimeoutMs: 200 } });
    try {
      const em = t.hub.database.orm.em.fork();
      await expect(em.execute('select pg_sleep(1)')).rejects.toThrow(/statement timeout/);
      expect(await em.execute('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await t.stop();
    }
  });
});
