import 'reflect-metadata';
import { openHubDatabase } from '../composition/database';
import { loadConfig } from '../config/config';

/**
 * `kexiang migrate`: applies the pending migrations to DATABASE_URL (or the embedded database)
 * and says where the schema stands. The hub migrates at start too; this is for a deployment that
 * migrates once, before starting several hubs, or that checks a database before a release.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // Opening the database is what applies the migrations: the one code path the hub uses.
  const database = await openHubDatabase(config);
  try {
    const executed = await database.orm.getMigrator().getExecutedMigrations();
    const latest = executed.at(-1)?.name ?? 'none';
    console.log(`Database migrated: ${executed.length} migrations applied, the latest ${latest}`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
