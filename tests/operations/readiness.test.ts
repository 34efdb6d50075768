import { Client } from 'pg';
import { startTestHub, type TestHub } from '../support/hub';

interface Ready {
  status: string;
  checks: { database: boolean; migrations: boolean; timerPoller: boolean };
}

describe('Ready means the database answers, its migrations are applied and the timer poller runs', () => {
  let t: TestHub;
  beforeAll(async () => {
    // A poller that runs, on a beat long enough never to fire during the test.
    t = await startTestHub({ config: { processPollMs: 60_000 } });
  });
  afterAll(() => t.stop());

  const ready = async () => {
    const res = await fetch(t.url.replace('/graphql', '/health/ready'));
    return { status: res.status, body: (await res.json()) as Ready };
  };

  test('When everything is in place, then ready answers 200 and lists each check', async () => {
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { database: true, migrations: true, timerPoller: true } },
    });
  });

  test('When the timer poller is stopped, then ready answers 503 naming it, while live still answers; started again, ready', async () => {
    const poller = t.hub.services.processes.poller;
    await poller.stop();
    try {
      expect(await ready()).toEqual({
        status: 503,
        body: { status: 'not ready', checks: { database: true, migrations: true, timerPoller: false } },
      });
      expect((await fetch(t.url.replace('/graphql', '/health/live'))).status).toBe(200);
    } finally {
      poller.start(60_000);
    }
    expect((await ready()).status).toBe(200);
  });

  test('When a migration this build knows is not applied to the database, then ready answers 503 naming migrations', async () => {
    const sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ id: number; name: string; executed_at: Date }>(
        'delete from mikro_orm_migrations where id = (select max(id) from mikro_orm_migrations) returning *',
      );
      try {
        expect(await ready()).toEqual({
          status: 503,
          body: { status: 'not ready', checks: { database: true, migrations: false, timerPoller: true } },
        });
      } finally {
        await sql.query('insert into mikro_orm_migrations (id, name, executed_at) values ($1, $2, $3)', [
          rows[0].id,
          rows[0].name,
          rows[0].executed_at,
        ]);
      }
    } finally {
      await sql.end();
    }
    expect((await ready()).status).toBe(200);
  });
});
