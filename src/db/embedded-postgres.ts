import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** PostgreSQL (PGlite) running inside the hub's process, reachable over a loopback socket. */
export interface EmbeddedPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `dataDir` and serves it on a free loopback port, so the ordinary postgres
 * driver can use it. PGlite runs one statement at a time: callers must use a pool of ONE
 * connection, or a transaction waiting on another connection would deadlock.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const port = await serverPort(server);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

async function serverPort(server: PGLiteSocketServer): Promise<number> {
  // The socket server keeps its net.Server private; its address is the only way to learn port 0's pick.
  const inner = (server as unknown as { server?: { address(): AddressInfo | string | null } }).server;
  const address = inner?.address();
  if (address && typeof address === 'object') return address.port;
  throw new Error('embedded PostgreSQL did not report its port');
}
