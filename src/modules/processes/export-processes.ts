import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';

export interface ExportedProcess {
  key: string;
  version: number;
  file: string;
}

/**
 * Writes the latest deployed version of every process to `directory`, so the repository can follow
 * what process owners deployed. A version deployed from a file goes back to that file; others to
 * `<key>.bpmn`. The next start-up then finds the files unchanged against what is deployed.
 */
export async function exportProcesses(em: EntityManager, directory: string): Promise<ExportedProcess[]> {
  const latest = await execSql<{ key: string; version: number; xml: string; file: string | null }>(
    em,
    `select distinct on (d.key) d.key, d.version, d.xml,
       (select f.source from process_definition f where f.key = d.key and f.source is not null order by f.version desc limit 1) as file
     from process_definition d order by d.key, d.version desc`,
    [],
  );
  return latest.map((row) => {
    const file = row.file ?? `${row.key}.bpmn`;
    writeFileSync(path.join(directory, file), row.xml);
    return { key: row.key, version: row.version, file };
  });
}
