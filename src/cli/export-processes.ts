import 'reflect-metadata';
import { loadConfig } from '../../config/config';
import { openDatabase } from '../../db/database';
import { exportProcesses } from './export-processes';

/** `npm run processes:export`: the deployed latest versions back into PROCESSES_DIR. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    for (const { key, version, file } of await exportProcesses(database.orm.em.fork(), config.processesDir)) {
      console.log(`${key} version ${version} -> processes/${file}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
