import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { MaxItems } from '../../graphql/list-cap';
import { ADMINISTER, CENTER_STAFF, PLAN_CUTOVERS, READ_CENTER_DATA } from '../../modules/auth/access';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { Cutover } from './cutover.entity';
import { CutoverInput, CutoverNoticeFilter, SetCutoverNoticePolicyInput } from './cutover.inputs';
import { CutoverNoticePolicy, CutoverNoticeView, CutoverPlan } from './cutover.types';

/** Most notices one list answers (`first`). */
const MAX_NOTICES_PAGE = 100;

@Resolver(() => Cutover)
export class CutoverResolver {
  @Authorized(...PLAN_CUTOVERS)
  @Query(() => CutoverPlan, {
    description:
      'who a cutover would affect, by when each customer must be told, whether the center must approve, and the earliest feasible start (nothing is stored)',
  })
  planCutover(@Arg('input') input: CutoverInput, @Ctx() ctx: AppContext): Promise<CutoverPlan> {
    return ctx.services.cutovers.plan(ctx, input);
  }

  @Authorized(...PLAN_CUTOVERS)
  @Mutation(() => Cutover, {
    description:
      'requests a cutover (割接申请): a CUTOVER_NOTICE ticket whose procedure runs it; refused (BAD_USER_INPUT, nothing stored) naming each customer that can no longer be told in time',
  })
  requestCutover(@Arg('input') input: CutoverInput, @Ctx() ctx: AppContext): Promise<Cutover> {
    return ctx.services.cutovers.request(ctx, input);
  }

  @Authorized(...CENTER_STAFF)
  @Query(() => CutoverNoticePolicy, { description: 'how long before a cutover customers of each level must be told' })
  cutoverNoticePolicy(@Ctx() ctx: AppContext): Promise<CutoverNoticePolicy> {
    return ctx.services.cutovers.policy(ctx);
  }

  @Authorized(...ADMINISTER)
  @Mutation(() => CutoverNoticePolicy, {
    description: 'changes the lead times of cutover notices (administrators only); cutovers requested from then on count on them',
  })
  setCutoverNoticePolicy(@Arg('input') input: SetCutoverNoticePolicyInput, @Ctx() ctx: AppContext): Promise<CutoverNoticePolicy> {
    return ctx.services.cutovers.setPolicy(ctx, input);
  }

  @Authorized(...READ_CENTER_DATA)
  @MaxItems(MAX_NOTICES_PAGE)
  @Query(() => [CutoverNoticeView], {
    description: `cutover notices, latest deadline first (at most ${MAX_NOTICES_PAGE}); a customer token reads only its own customer's`,
  })
  cutoverNotices(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => CutoverNoticeFilter, { nullable: true }) filter?: CutoverNoticeFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<CutoverNoticeView[]> {
    return ctx.services.cutovers.notices(ctx, filter, first);
  }
}

@Resolver(() => Ticket)
export class TicketCutoverResolver {
  // The ticket is its customer's to read; what of the cutover it shows that customer, the Cutover fields decide.
  @Authorized(...READ_CENTER_DATA)
  @FieldResolver(() => Cutover, { nullable: true, description: 'a cutover notice ticket: its cutover' })
  cutover(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<Cutover> | null> {
    return ctx.loaders.cutoverByTicket.load(ticket.id);
  }
}
