import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { MaybePromise } from '../../db/batch-loaders';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { capList, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF, RAISE_SALES_REQUESTS } from '../../modules/auth/access';
import { Ticket } from '../../modules/tickets/ticket.entity';
import { BuildQuote } from './build-quote.entity';
import { CheckedResource } from './checked-resource.entity';
import { ResourceCheck } from './resource-check.entity';
import { ResourceCheckRequestInput } from './resource-check.inputs';
import { checkByTicket, quotesByCheck, resourcesByCheck } from './resource-check.loaders';
import { ResourceCheckAnswer } from './resource-check-answer.type';
import { REQUEST_LIMITS } from './resource-check-request';

/** Quotes listed per check: a quote pushed back this often is a matter for the supervisors, not a longer list. */
const MAX_QUOTES = 20;

@Resolver(() => Ticket)
export class ResourceCheckResolver {
  @Authorized(...RAISE_SALES_REQUESTS)
  @Mutation(() => Ticket, {
    description: 'sales asks the center to check resources (资源核查): opens a RESOURCE_CHECK ticket, due on the working-day calendar',
  })
  requestResourceCheck(@Arg('input') input: ResourceCheckRequestInput, @Ctx() ctx: AppContext): Promise<Ticket> {
    return ctx.services.resourceChecks.request(ctx, input);
  }

  // Quotes and investments are the operator's internal figures: staff only.
  @Authorized(...CENTER_STAFF)
  @FieldResolver(() => ResourceCheck, { nullable: true, description: 'a resource check: what was asked, quoted and answered (staff only)' })
  resourceCheck(@Root() ticket: Row<Ticket>, @Ctx() ctx: AppContext): MaybePromise<Row<ResourceCheck> | null> {
    return checkByTicket(ctx.em).load(ticket.id);
  }
}

@Resolver(() => ResourceCheck)
export class ResourceCheckFieldsResolver {
  @MaxItems(REQUEST_LIMITS.resources)
  @FieldResolver(() => [CheckedResource], {
    description: `the resources to check, in the request's order (at most ${REQUEST_LIMITS.resources})`,
  })
  resources(@Root() check: Row<ResourceCheck>, @Ctx() ctx: AppContext): MaybePromise<Row<CheckedResource>[]> {
    return resourcesByCheck(ctx.em).load(check.id);
  }

  @MaxItems(MAX_QUOTES)
  @FieldResolver(() => [BuildQuote], { description: `new-build quotes by part and round (the first ${MAX_QUOTES})` })
  quotes(@Root() check: Row<ResourceCheck>, @Ctx() ctx: AppContext): Promise<Row<BuildQuote>[]> {
    return capList(quotesByCheck(ctx.em).load(check.id), MAX_QUOTES);
  }

  @FieldResolver(() => Boolean, { description: "a part's latest quote is over its duration rule (accepted or not)" })
  async overRule(@Root() check: Row<ResourceCheck>, @Ctx() ctx: AppContext): Promise<boolean> {
    const quotes = await quotesByCheck(ctx.em).load(check.id);
    const latest = new Map(quotes.map((quote) => [quote.part, quote]));
    return [...latest.values()].some((quote) => quote.overRule);
  }

  @FieldResolver(() => ResourceCheckAnswer, { nullable: true, description: 'what the center answered sales (null until it did)' })
  answer(@Root() check: Row<ResourceCheck>): ResourceCheckAnswer | null {
    if (!check.answeredAt) return null;
    return {
      answeredAt: check.answeredAt,
      resourcesSufficient: check.resourcesSufficient ?? false,
      networkReady: check.networkReady ?? false,
      optimizationNeeded: check.optimizationNeeded ?? null,
      investmentCny: check.investmentCny ?? null,
      durationDays: check.durationDays ?? null,
      purchaseCycleDays: check.purchaseCycleDays ?? null,
      summary: check.answerSummary ?? '',
    };
  }
}
