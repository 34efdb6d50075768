import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import type { ServiceContext } from '../../shared/service-context';
import { actingUser } from '../history/history.service';
import { checkXmlText, executableProcesses, findCode } from './bpmn/diagram-checks';
import { listElements, listMessages } from './bpmn/diagram-elements';
import { checkExpressions, nestingProblem } from './bpmn/expression-checks';
import { lintDiagram } from './bpmn/lint-diagram';
import { type ParsedDiagram, parseDiagram } from './bpmn/moddle';
import { serializeSource } from './engine/serialize-source';
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

  async deploy(ctx: ServiceContext, xml: string, source?: string): Promise<Deployment> {
    const { diagram, serializedSource } = await this.validate(xml);
    const process = executableProcesses(diagram.root)[0];
    const key = process.id as string;
    const sha256 = createHash('sha256').update(xml).digest('hex');
    return ctx.em.transactional(async (em) => {
      const actor = await actingUser(em, ctx.actor);
      // Two deployments of one key at once must not both take the same version number.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`process-definition:${key}`]);
      const latest = await em.findOne(ProcessDefinition, { key }, { orderBy: { version: 'desc' } });
      if (latest?.sha256 === sha256) return { definition: latest, created: false };
      const definition = em.create(ProcessDefinition, {
        id: randomUUID(),
        key,
        version: (latest?.version ?? 0) + 1,
        name: process.name,
        sha256,
        xml,
        serializedSource,
        elements: listElements(process),
        messages: listMessages(diagram.root),
        deployedAt: this.clock.now(),
        deployedBy: actor ?? undefined,
        source,
      });
      await em.flush();
      return { definition, created: true };
    });
  }

  /** Every `*.bpmn` of a folder, in name order; unchanged files make no new version. */
  async deployDirectory(ctx: ServiceContext, directory: string): Promise<Deployment[]> {
    const files = readdirSync(directory)
      .filter((f) => f.endsWith('.bpmn'))
      .sort();
    const deployments: Deployment[] = [];
    for (const file of files) {
      try {
        deployments.push(await this.deploy(ctx, readFileSync(path.join(directory, file), 'utf8'), file));
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
   * Size, entities, parse, nesting, code, handlers and expressions, executability, bpmnlint: every
   * problem is reported at once (a too deeply nested diagram is refused before anything walks it).
   */
  private async validate(xml: string): Promise<{ diagram: ParsedDiagram; serializedSource: string }> {
    const refuse = (problems: string[]) =>
      new DomainError(ErrorCode.BAD_USER_INPUT, `The diagram cannot be deployed: ${problems.join('; ')}`, { field: 'xml', problems });
    const textProblems = checkXmlText(xml);
    if (textProblems.length > 0) throw refuse(textProblems);
    let diagram: ParsedDiagram;
    try {
      diagram = await parseDiagram(xml);
    } catch (err) {
      throw refuse([`the XML does not parse: ${(err as Error).message}`]);
    }
    const problems = diagram.context.warnings.map((w) => `the XML does not parse cleanly: ${w.message}`);
    const nesting = nestingProblem(diagram.root);
    if (nesting) throw refuse([nesting, ...problems]);
    problems.push(...findCode(diagram.root));
    problems.push(...checkExpressions(diagram.root, { serviceNames: this.registry.names(), limits: this.limits }));
    // Serialized before linting: bpmnlint's rules leave marks on the tree that the engine must not see.
    let serializedSource = '';
    try {
      serializedSource = serializeSource(diagram);
    } catch (err) {
      problems.push(`the diagram cannot be prepared for the engine: ${(err as Error).message}`);
    }
    if (executableProcesses(diagram.root).length === 0) problems.push('no process in it is executable (isExecutable="true")');
    if (problems.length === 0) problems.push(...(await lintDiagram(diagram.root)).map((p) => `bpmnlint ${p}`));
    if (problems.length > 0) throw refuse(problems);
    return { diagram, serializedSource };
  }
}
