import { existsSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services';
import { systemActor } from '../../shared/service-context';

/** At start, every processes/*.bpmn becomes a definition version (unchanged files make none). */
export async function deployProcesses(services: Services, em: EntityManager, directory: string): Promise<void> {
  if (!existsSync(directory)) return;
  const deployments = await services.processes.definitions.deployDirectory({ em: em.fork(), actor: systemActor }, directory);
  for (const { definition, created } of deployments) {
    if (created) console.log(`Deployed ${definition.key} version ${definition.version} from processes/${definition.source}`);
  }
}
