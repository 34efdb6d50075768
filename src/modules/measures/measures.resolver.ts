import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../graphql/context';
import { MaxItems } from '../../graphql/list-cap';
import { READ_CENTER_DATA } from '../auth/access';
import { LocalDateScalar } from '../calendar/local-date.scalar';
import { MEASURE_ROWS_MAX } from './measures.service';
import { MeasureGrouping, MeasureRow } from './measures.types';

@Resolver()
export class MeasuresResolver {
  @Authorized(...READ_CENTER_DATA)
  @MaxItems(MEASURE_ROWS_MAX)
  @Query(() => [MeasureRow], {
    description: `The center's measures (考核) between two days, both included (China Standard Time days), by group. Each item is counted in the period its deadline falls in (a resource check's, a fault's restore or report deadline, a provisioning order's), once done or once that deadline has passed (then as missed); the cycle and the work done count where they were completed. A fault nobody said does not affect service counts as service-affecting. A rate is null when there is nothing to measure, and a composite is null when one of its parts is. A customer token gets one row, its own customer's, whatever the grouping. At most ${MEASURE_ROWS_MAX} rows; a period is at most three years.`,
  })
  measures(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Ctx() ctx: AppContext,
    @Arg('groupBy', () => MeasureGrouping, { defaultValue: MeasureGrouping.CENTER }) groupBy: MeasureGrouping,
  ): Promise<MeasureRow[]> {
    return ctx.services.measures.measures(ctx, from, to, groupBy);
  }
}
