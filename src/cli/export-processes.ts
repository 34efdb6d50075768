import 'reflect-metadata';
import { openHubDatabase } from '../composition/database';
import { loadConfig } from '../config/config';
import { exportProcesses } from '../modules/processes/export-processes';

/** `npm run processes:export`: the deployed latest versions back into PROCESSES_DIR. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openHubDatabase(config);
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
