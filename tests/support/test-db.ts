import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { hubOrmOptions } from '../../src/composition/database';
import { databaseUrl, serverUrl, TEMPLATE_DB, TEST_DB_PREFIX } from './pg-server';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

const TEMPLATE_LOCK = 72_616_001;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The first test file to get here migrates the template from empty; the others wait on a lock. */
async function ensureTemplate(client: Client): Promise<void> {
  await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [TEMPLATE_DB]);
    if (rowCount) return;
    await client.query(`create database ${TEMPLATE_DB}_building`);
    const orm = await MikroORM.init(hubOrmOptions({ clientUrl: databaseUrl(`${TEMPLATE_DB}_building`), poolSize: 1 }));
    try {
      await orm.getMigrator().up();
    } finally {
      await orm.close(true);
    }
    await client.query(`alter database ${TEMPLATE_DB}_building rename to ${TEMPLATE_DB}`);
  } catch (err) {
    await client.query(`drop database if exists ${TEMPLATE_DB}_building with (force)`);
    throw err;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
  }
}

/** A fresh, migrated database of its own for one test file, copied from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${TEST_DB_PREFIX}_${randomBytes(6).toString('hex')}`;
  await admin(async (c) => {
    await ensureTemplate(c);
    // Two files copying the template at once can see "source database is being accessed": retry.
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`create database ${name} template ${TEMPLATE_DB}`);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
