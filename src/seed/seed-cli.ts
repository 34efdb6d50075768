import 'reflect-metadata';
import { openHubDatabase } from '../composition/database';
import { createServices } from '../composition/services';
import { loadConfig } from '../config/config';
import { processLimitsOf } from '../modules/processes/process-limits';
import { systemClock } from '../shared/clock';
import { EventBus } from '../shared/event-bus';
import { procedureKinds } from './seed-live-tickets';
import { seedDemoData } from './seeder';

const RESET_TABLES = [
  'ticket_circuit',
  'ticket_report',
  'sla_clock',
  'ticket',
  'ticket_counter',
  'history_event',
  'contact',
  'circuit',
  'customer',
  'app_user',
];

/** `npm run seed -- [--seed N] [--tickets N] [--reset]`: demo data into the configured database. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const config = loadConfig();
  const seed = Number(flag('--seed') ?? config.seed);
  const tickets = Number(flag('--tickets') ?? config.seedTickets);
  if (!Number.isInteger(seed) || !Number.isInteger(tickets) || tickets < 0) throw new Error('--seed and --tickets take whole numbers');
  const database = await openHubDatabase(config);
  try {
    const em = database.orm.em.fork();
    const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from customer');
    if (Number(n) > 0) {
      if (!args.includes('--reset')) throw new Error('The database already holds customers: pass --reset to replace them with demo data');
      await em.execute(`truncate ${RESET_TABLES.join(', ')}`);
      // Staff go too, except the bootstrap admin every install has.
      await em.execute(`delete from app_user where code <> 'admin'`);
    }
    const started = Date.now();
    // The services only tell which kinds run a procedure: those tickets are seeded finished. Live
    // ones are opened by the hub on a first start, which this database no longer is.
    const services = createServices({
      em: database.orm.em,
      clock: systemClock,
      bus: new EventBus(),
      workingHours: { start: config.workdayStart, end: config.workdayEnd },
      processLimits: processLimitsOf(config),
      ticketProcedures: config.ticketProcedures,
      retryDelaysMs: config.serviceRetryDelaysMs,
    });
    await seedDemoData(database.orm, {
      seed,
      tickets,
      now: new Date(),
      settledKinds: procedureKinds(services, systemClock, config.ticketProcedures),
      warnPercent: config.slaWarningPercent,
    });
    console.log(`Seeded demo data (seed ${seed}, ${tickets} tickets) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
