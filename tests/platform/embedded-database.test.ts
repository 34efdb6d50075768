import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Starts the built hub as a user would (`node dist/src/main.js`), on the embedded database in `dataDir`. */
async function startHubProcess(dataDir: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', SEED_TICKETS: '200' };
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`hub exited with ${code} before it was ready:\n${output}`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown> = {}, as = 'kx.duty'): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kexiang-user': as },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('The hub on its embedded default database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kexiang-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('When started without DATABASE_URL, then it seeds demo data; a write survives a restart', async () => {
    const first = await startHubProcess(dataDir);
    let ticketId: string;
    try {
      const seeded = await gql<{ customers: { totalCount: number; edges: { node: { id: string } }[] } }>(
        first.url,
        '{ customers(first: 1) { totalCount edges { node { id } } } }',
      );
      expect(seeded.customers.totalCount).toBeGreaterThanOrEqual(50);
      const opened = await gql<{ openTicket: { id: string } }>(
        first.url,
        'mutation($c: ID!) { openTicket(input: {kind: CONSULTATION, channel: PHONE, title: "重启后还在吗", customerId: $c}) { id } }',
        { c: seeded.customers.edges[0].node.id },
      );
      ticketId = opened.openTicket.id;
    } finally {
      await first.stop();
    }
    const second = await startHubProcess(dataDir);
    try {
      const read = await gql<{ ticket: { title: string } | null; customers: { totalCount: number } }>(
        second.url,
        'query($id: ID!) { ticket(id: $id) { title } customers { totalCount } }',
        { id: ticketId },
      );
      expect(read.ticket).toEqual({ title: '重启后还在吗' });
      expect(read.customers.totalCount).toBeGreaterThanOrEqual(50);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
