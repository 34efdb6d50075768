import { Field, Int, ObjectType } from 'type-graphql';

/** What the center answered sales, once it did (资源核查: coverage, works and investment, duration). */
@ObjectType({ simpleResolvers: true, description: 'the answer of a resource check to sales' })
export class ResourceCheckAnswer {
  @Field()
  answeredAt!: Date;

  @Field({ description: 'the existing network serves it, and coverage (when asked) needs no optimization' })
  resourcesSufficient!: boolean;

  @Field({ description: 'operations: the existing network is ready' })
  networkReady!: boolean;

  @Field(() => Boolean, { nullable: true, description: 'the optimization center: coverage needs optimization (null: coverage not asked)' })
  optimizationNeeded!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'the new builds together, CNY (null: nothing to build)' })
  investmentCny!: number | null;

  @Field(() => Int, { nullable: true, description: 'the longest new build, working days' })
  durationDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'the longest purchase cycle, working days' })
  purchaseCycleDays!: number | null;

  @Field({ description: 'what the center told sales' })
  summary!: string;
}
