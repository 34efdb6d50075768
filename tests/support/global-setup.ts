import { Client } from 'pg';
import { serverUrl, TEMPLATE_DB } from './pg-server';

/**
 * Drops the template left by an earlier run, so the first test file migrates it afresh from the
 * current migrations. Plain `pg` only: MikroORM must load inside the test realm, not here.
 */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  } finally {
    await admin.end();
  }
}
