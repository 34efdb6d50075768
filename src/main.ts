import 'reflect-metadata';
import { startHub } from './app';
import { loadConfig } from './config/config';
import { createLogger } from './shared/logger';

/** Bootstrap only: settings -> hub -> stop on a signal. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const hub = await startHub(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
  log.info({ port: hub.port }, `Kexiang hub ready at http://localhost:${hub.port}/graphql on ${where}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: stopping`);
    await hub.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
