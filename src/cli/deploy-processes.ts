import 'reflect-metadata';
import path from 'node:path';
import { openHubDatabase } from '../composition/database';
import { createServices } from '../composition/services';
import { loadConfig } from '../config/config';
import { processLimitsOf } from '../modules/processes/process-limits';
import { systemClock } from '../shared/clock';
import { EventBus } from '../shared/event-bus';
import { systemActor } from '../shared/service-context';

/**
 * `kexiang deploy [directory]`: the diagrams of PROCESSES_DIR (or the directory given) become
 * definition versions, checked as the hub checks them at start; an unchanged file makes none.
 * For a release that deploys its diagrams before the hubs restart, or a process owner's folder.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const directory = process.argv[2] ? path.resolve(process.argv[2]) : config.processesDir;
  const database = await openHubDatabase(config);
  try {
    // The hub's own services: the same service-task handlers a diagram is checked against.
    const services = createServices({
      em: database.orm.em,
      clock: systemClock,
      bus: new EventBus(),
      workingHours: { start: config.workdayStart, end: config.workdayEnd },
      processLimits: processLimitsOf(config),
      ticketProcedures: config.ticketProcedures,
      retryDelaysMs: config.serviceRetryDelaysMs,
    });
    const deployments = await services.processes.definitions.deployDirectory({ em: database.orm.em.fork(), actor: systemActor }, directory);
    for (const { definition, created } of deployments) {
      console.log(
        `${definition.key} version ${definition.version} ${created ? 'deployed' : 'unchanged'} (${definition.source ?? 'no file'})`,
      );
    }
    if (deployments.length === 0) console.log(`No .bpmn files in ${directory}`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
