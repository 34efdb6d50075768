import { Client } from 'pg';
import { startTestHub, type TestHub, tokenFor } from '../support/hub';

const SECRET = 'a-production-secret-for-the-request-id-test';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  sql?: string;
}

describe('Every request has an id: answered in its header, carried into its logs and into the masked error its caller sees', () => {
  let t: TestHub;
  const lines: LogLine[] = [];
  beforeAll(async () => {
    t = await startTestHub({
      config: { production: true, jwtSecret: SECRET, logLevel: 'info', logSql: true },
      logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    });
  });
  afterAll(() => t.stop());

  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('admin', SECRET)}`, ...headers },
      body: JSON.stringify(body),
    });

  test('When a request carries a sane x-request-id, then the answer carries the same one', async () => {
    const res = await post({ query: '{ __typename }' }, { 'x-request-id': 'lb-7f3a9c2e-0001' });
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a9c2e-0001');
  });

  test('When a request carries none, or one too long or of odd characters, then the hub makes a UUID of its own', async () => {
    for (const offered of [undefined, 'x'.repeat(129), 'two words', '<script>']) {
      const res = await post({ query: '{ __typename }' }, offered === undefined ? {} : { 'x-request-id': offered });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
    const health = await fetch(t.url.replace('/graphql', '/health/live'));
    expect(health.headers.get('x-request-id')).toMatch(UUID);
  });

  test("When a request's SQL is logged, then each statement's line names the request, and so does its access line", async () => {
    lines.length = 0;
    await post({ query: 'query Departments { departments { id code } }' }, { 'x-request-id': 'sql-trace-1' });
    const mine = lines.filter((l) => l.requestId === 'sql-trace-1');
    expect(mine.filter((l) => l.msg === 'sql').map((l) => l.sql)).toEqual(
      expect.arrayContaining([expect.stringMatching(/from "department"/)]),
    );
    expect(mine.find((l) => l.msg === 'request')).toMatchObject({ level: 'info', operation: 'Departments', status: 200 });
    // Statements as sent, with placeholders: no value of the request is copied into the log.
    expect(lines.filter((l) => l.msg === 'sql' && !l.requestId)).toEqual([]);
  });

  test('When something fails inside in production, then the masked error names the request id, and the error log line does too', async () => {
    const sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    try {
      await sql.query(`create or replace function kx_ops_boom() returns trigger language plpgsql as $$
        begin raise exception 'secret detail from the database'; end $$`);
      await sql.query('create trigger kx_ops_boom before insert on department for each row execute function kx_ops_boom()');
    } finally {
      await sql.end();
    }
    lines.length = 0;
    const res = await post(
      { query: 'mutation { createDepartment(input: {code: "BOOM", name: "爆炸"}) { id } }' },
      { 'x-request-id': 'boom-request-42' },
    );
    const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Internal error \(reference \w+\)$/),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'boom-request-42' },
    });
    expect(JSON.stringify(body)).not.toContain('secret detail');
    const reference = body.errors[0].extensions.reference as string;
    expect(lines.find((l) => l.level === 'error')).toMatchObject({ requestId: 'boom-request-42', msg: `[error ${reference}]` });
  });
});
