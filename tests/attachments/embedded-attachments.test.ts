import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { downloadAttachment, samplePdf, uploadAttachment } from '../support/attachments';
import { startTestHub, type TestHub } from '../support/hub';

const root = path.join(__dirname, '..', '..');

/**
 * PGlite served over TCP from a plain Node process: inside a Jest worker PGlite's dynamic import
 * fails, so it runs beside the test as the hub runs it in production (src/db/embedded-postgres.ts).
 * Two connections: the hub's pool of one, and the broadcaster's LISTEN connection.
 */
const PGLITE = `
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');
(async () => {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await server.start();
  console.log('listening ' + server.server.address().port);
})();
`;

function startPglite(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', PGLITE], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ url: `postgresql://postgres@127.0.0.1:${match[1]}/postgres`, child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`PGlite exited with ${code}: ${output}`)));
  });
}

describe('Attachments on the embedded database (PGlite)', () => {
  let pglite: { url: string; child: ChildProcess };
  let t: TestHub;

  beforeAll(async () => {
    pglite = await startPglite();
    t = await startTestHub({ config: { databaseUrl: pglite.url, dbPoolSize: 1, ticketProcedures: 'none' } });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    pglite?.child.removeAllListeners('exit');
    pglite?.child.kill('SIGKILL');
  });

  test('When a document is uploaded and downloaded, then its bytes come back whole from bytea, and deleting it is refused', async () => {
    // Not quite tiny: a few hundred KB crosses many protocol messages both ways.
    const body = Buffer.concat([samplePdf(), Buffer.alloc(300_000, 0x20)]);
    const id = await uploadAttachment(t, 'admin', { name: '竣工图.pdf', contentType: 'application/pdf', body });
    const res = await downloadAttachment(t, 'admin', id);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));

    // Through the hub's own connection: PGlite serves no more than the two it was given.
    const connection = t.hub.database.orm.em.fork().getConnection();
    const refused = await connection.execute('delete from attachment where id = ?', [id]).then(
      () => 'deleted',
      (err: { code?: string }) => err.code,
    );
    expect(refused).toBe('23001');
    expect(await connection.execute('select count(*)::int as n from attachment')).toEqual([{ n: 1 }]);
  });
});
