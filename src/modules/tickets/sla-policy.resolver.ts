import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { ADMINISTER, CENTER_STAFF } from '../auth/access';
import { SetSlaPolicyInput, SlaPolicyEntry } from './sla-policy.types';

@Resolver(() => SlaPolicyEntry)
export class SlaPolicyResolver {
  @Authorized(...CENTER_STAFF)
  @Query(() => [SlaPolicyEntry], { description: 'deadlines in force for every kind of ticket and service level' })
  slaPolicy(@Ctx() ctx: AppContext): Promise<SlaPolicyEntry[]> {
    return ctx.services.slaPolicy.entries(ctx.em);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => SlaPolicyEntry, { description: 'changes the deadlines of one kind of ticket at one service level (administrators only)' })
  setSlaPolicy(@Arg('input') input: SetSlaPolicyInput, @Ctx() ctx: AppContext): Promise<SlaPolicyEntry> {
    return ctx.services.slaPolicy.set(ctx, input);
  }
}
