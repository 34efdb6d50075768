import { Arg, Authorized, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { HeldInRow } from '../../graphql/list-cap';
import { OWN_PROCESSES } from '../auth/access';
import { checkDiagram } from './bpmn/check-diagram';
import { readDiagramRules } from './bpmn/hub-knowledge';

@ObjectType({ simpleResolvers: true, description: 'One reason a diagram would be refused at deploy' })
export class DeployProblem {
  @Field({ description: 'the sentence deployProcessDefinition would list in extensions.problems' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'the element it is about, when it is about one' })
  elementId!: string | null;
}

// Problems name their element as "bpmn:Type id: ..." or "bpmn:Type id ..." (see bpmn/check-diagram.ts).
const ELEMENT = /^(?:bpmn|camunda):\w+ ([^\s:]+)[:\s]/;

@Resolver()
export class ProcessValidationResolver {
  @Authorized(...OWN_PROCESSES)
  @HeldInRow()
  @Query(() => [DeployProblem], {
    description: 'what deployProcessDefinition would refuse in this diagram, without deploying it (empty: it deploys)',
  })
  async validateProcessDefinition(@Arg('xml') xml: string, @Ctx() ctx: AppContext): Promise<DeployProblem[]> {
    const { registry, limits } = ctx.services.processes;
    const rules = await readDiagramRules(ctx.em, { serviceNames: registry.names(), limits });
    const { problems } = await checkDiagram(xml, rules);
    return problems.map((message) => ({ message, elementId: ELEMENT.exec(message)?.[1] ?? null }));
  }
}
