import { Client } from 'pg';
import { serverUrl, TEST_DB_PREFIX } from './pg-server';

/** Drops the databases test files left behind (a crashed file cannot drop its own). */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${TEST_DB_PREFIX}\\_%`,
    ]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
  } finally {
    await admin.end();
  }
}
