import type { EntityManager } from '@mikro-orm/postgresql';
import type { DiagramRules } from './check-diagram';
import type { DeployRules } from './expression-checks';

/**
 * The rules with what the database knows: department codes and deployed process keys. Plain
 * statements: nothing enters the caller's identity map.
 */
export async function readDiagramRules(em: EntityManager, rules: DeployRules): Promise<DiagramRules> {
  const departments = await em.execute<{ code: string }[]>('select code from department order by code');
  const keys = await em.execute<{ key: string }[]>('select distinct key from process_definition');
  return { ...rules, departmentCodes: departments.map((d) => d.code), processKeys: keys.map((k) => k.key) };
}
