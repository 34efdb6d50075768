import { existsSync } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemActor } from '../../shared/service-context';
import type { ProcessDefinitionService } from './process-definition.service';

/** At start, every processes/*.bpmn becomes a definition version (unchanged files make none). */
export async function deployProcesses(definitions: ProcessDefinitionService, em: EntityManager, directory: string): Promise<void> {
  if (!existsSync(directory)) return;
  const deployments = await definitions.deployDirectory({ em: em.fork(), actor: systemActor }, directory);
  for (const { definition, created } of deployments) {
    if (created) console.log(`Deployed ${definition.key} version ${definition.version} from processes/${definition.source}`);
  }
}
