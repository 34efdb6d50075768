import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { ServiceContext } from '../../shared/service-context';
import { actingUser } from '../history/history.service';
import { checkDiagram } from './bpmn/check-diagram';
import { executableProcesses } from './bpmn/diagram-checks';
import { listElements, listMessages } from './bpmn/diagram-elements';
import { elementChanges } from './bpmn/element-changes';
import { readDiagramRules } from './bpmn/hub-knowledge';
import type { ParsedDiagram } from './bpmn/moddle';
import type { ServiceRegistry } from './engine/service-registry';
import { ProcessDefinition } from './process-definition.entity';
import type { ProcessLimits } from './process-limits';

export interface Deployment {
  definition: ProcessDefinition;
  /** false when the same XML was deployed before: no new version */
  created: boolean;
}

/** Deploys diagrams as versioned definitions, refusing any that would not run safely. */
export class ProcessDefinitionService {
  constructor(
    private readonly clock: Clock,
    private readonly registry: ServiceRegistry,
    private readonly limits: ProcessLimits,
  ) {}

  /**
   * The latest version is the last one deployed, whoever deployed it. `source` is the file name
   * when the start-up deploy reads processes/; `comment` is the process owner's reason.
   */
  async deploy(ctx: ServiceContext, xml: string, options: { source?: string; comment?: string | null } = {}): Promise<Deployment> {
    const { diagram, serializedSource } = await this.validate(xml, ctx.em);
    const process = executableProcesses(diagram.root)[0];
    const key = process.id as string;
    const sha256 = createHash('sha256').update(xml).digest('hex');
    return ctx.em.transactional(async (em) => {
      const actor = await actingUser(em, ctx.actor);
      // Two deployments of one key at once must not both take the same version number.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`process-definition:${key}`]);
      const latest = await em.findOne(ProcessDefinition, { key }, { orderBy: { version: 'desc' } });
      if (latest?.sha256 === sha256) return { definition: latest, created: false };
      const elements = listElements(process);
      const definition = em.create(ProcessDefinition, {
        id: randomUUID(),
        key,
        version: (latest?.version ?? 0) + 1,
        name: process.name,
        sha256,
        xml,
        serializedSource,
        elements,
        messages: listMessages(diagram.root),
        deployedAt: this.clock.now(),
        deployedBy: actor ?? undefined,
        source: options.source,
        comment: options.comment ?? null,
        changes: elementChanges(latest?.elements ?? [], elements),
      });
      await em.flush();
      return { definition, created: true };
    });
  }

  /**
   * Every `*.bpmn` of a folder, in name order. A file is deployed only when it changed since it was
   * last deployed from disk: a version a process owner deployed through the API stays the latest
   * across restarts (`npm run processes:export` writes it back to the folder).
   */
  async deployDirectory(ctx: ServiceContext, directory: string): Promise<Deployment[]> {
    const sources = readdirSync(directory)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()
      .map((file) => ({ file, xml: readFileSync(path.join(directory, file), 'utf8') }));
    const deployments: Deployment[] = [];
    for (const { file, xml } of calleesFirst(sources)) {
      const sha256 = createHash('sha256').update(xml).digest('hex');
      const fromDisk = await ctx.em
        .fork()
        .findOne(ProcessDefinition, { source: file }, { orderBy: { deployedAt: 'desc', version: 'desc' } });
      if (fromDisk?.sha256 === sha256) {
        deployments.push({ definition: fromDisk, created: false });
        continue;
      }
      try {
        deployments.push(await this.deploy(ctx, xml, { source: file, comment: `processes/${file} changed` }));
      } catch (err) {
        throw new Error(`processes/${file} cannot be deployed: ${(err as Error).message}`);
      }
    }
    return deployments;
  }

  list(em: EntityManager): Promise<ProcessDefinition[]> {
    return em.find(ProcessDefinition, {}, { orderBy: { key: 'asc', version: 'desc' } });
  }

  /**
   * The whole check pipeline (bpmn/check-diagram.ts): every problem once, each naming its element.
   * With `em`, candidate groups and called processes are checked against the database.
   */
  private async validate(xml: string, em?: EntityManager): Promise<{ diagram: ParsedDiagram; serializedSource: string }> {
    const base = { serviceNames: this.registry.names(), limits: this.limits };
    const rules = em ? await readDiagramRules(em, base) : { ...base, departmentCodes: null, processKeys: null };
    const { problems, diagram, serializedSource } = await checkDiagram(xml, rules);
    if (problems.length > 0 || !diagram)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `The diagram cannot be deployed: ${problems.join('; ')}`, { field: 'xml', problems });
    return { diagram, serializedSource };
  }
}

/**
 * A diagram whose call activity calls another folder's process deploys after it (deploying
 * checks that the called process exists). Read from the text only to order the files: the
 * deployment checks each one in full. A cycle keeps the remaining files in name order.
 */
export function calleesFirst<T extends { file: string; xml: string }>(sources: readonly T[]): T[] {
  const defines = (xml: string) => [...xml.matchAll(/<(?:bpmn:)?process\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
  const calls = (xml: string) => [...xml.matchAll(/\bcalledElement="([^"$]+)"/g)].map((m) => m[1]);
  const fromFolder = new Set(sources.flatMap((s) => defines(s.xml)));
  const ordered: T[] = [];
  const deployed = new Set<string>();
  let pending = [...sources];
  while (pending.length > 0) {
    const ready = pending.filter((s) =>
      calls(s.xml).every((key) => !fromFolder.has(key) || deployed.has(key) || defines(s.xml).includes(key)),
    );
    const next = ready.length > 0 ? ready : pending.slice(0, 1);
    for (const source of next) {
      ordered.push(source);
      for (const key of defines(source.xml)) deployed.add(key);
    }
    pending = pending.filter((s) => !next.includes(s));
  }
  return ordered;
}
