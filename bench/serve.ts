import 'reflect-metadata';
import { startHub } from '../src/app';
import { loadConfig } from '../src/config/config';
import { startFloorServer } from './ticket-page-floor';

/**
 * One server under test, in its own process so the load generator does not share its event loop:
 * `node dist/bench/serve.js hub|floor <databaseUrl> <pageSize>`. Prints `LISTENING <url>`; answers
 * the parent's `stats` message with the SQL statements it ran and the CPU time it used.
 */
async function main(): Promise<void> {
  const [kind, databaseUrl, pageSize] = process.argv.slice(2);
  // The floor sends exactly one statement per request; the hub's are counted.
  let statements = 0;
  let url: string;
  if (kind === 'hub') {
    const hub = await startHub(loadConfig({}, { databaseUrl, port: 0, seedOnEmpty: false, dbPoolSize: 10 }));
    // The demo's live procedures have timers long overdue on a fresh bench database: the page is
    // measured on a hub that has caught up with them, not while it fires thousands at boot.
    await hub.services.processes.poller.drain();
    hub.database.orm.em
      .getConnection()
      .getKnex()
      .on('query', () => {
        statements++;
      });
    url = hub.url;
  } else {
    url = (await startFloorServer(databaseUrl, Number(pageSize))).url;
  }
  let cpu = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'stats') {
      const used = process.cpuUsage(cpu);
      process.send?.({ statements, cpuMs: (used.user + used.system) / 1000 });
    }
    if (message === 'reset') {
      statements = 0;
      cpu = process.cpuUsage();
    }
  });
  console.log(`LISTENING ${url}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
