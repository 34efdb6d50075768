import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Row } from '../../db/plain-rows';
import type { AppContext } from '../../graphql/context';
import { historyLimit } from '../../graphql/history-limit';
import { LIST_CAPS, MaxItems } from '../../graphql/list-cap';
import { CENTER_STAFF, WRITE_QUARTERLY_REPORT } from '../auth/access';
import { SubjectType } from '../history/history.enums';
import { HistoryEvent } from '../history/history-event.entity';
import { ReportSection } from './quarterly-report.entity';
import { reportMarkdown } from './quarterly-report.render';
import { QuarterlyReportView, ReportNarrative } from './quarterly-report.types';

@Resolver(() => QuarterlyReportView)
export class QuarterlyReportResolver {
  @Authorized(...CENTER_STAFF)
  @Query(() => QuarterlyReportView, {
    description:
      'the quarterly report (季报) of a quarter: as submitted when it was, else counted now. Printable at GET /reports/quarterly/{year}/{quarter} (same token)',
  })
  quarterlyReport(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: AppContext,
  ): Promise<QuarterlyReportView> {
    return ctx.services.quarterlyReports.report(ctx, year, quarter);
  }

  @Authorized(...WRITE_QUARTERLY_REPORT)
  @Mutation(() => ReportNarrative, {
    description:
      'saves a narrative section (each save a new version, in history); TYPICAL_CASES lists the tickets whose numbers it quotes (KX-2026-000123). Refused once the report is submitted',
  })
  saveQuarterlyReportSection(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Arg('section', () => ReportSection) section: ReportSection,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: AppContext,
    @Arg('version', () => Int, { nullable: true, description: 'the version you read (0: none yet); a stale one is CONFLICT' })
    version?: number,
  ): Promise<ReportNarrative> {
    return ctx.services.quarterlyReports.saveSection(ctx, { year, quarter, section, text, version });
  }

  @Authorized(...WRITE_QUARTERLY_REPORT)
  @Mutation(() => QuarterlyReportView, {
    description:
      'submits (上报) the report once its quarter has ended and its three narrative sections are written: figures frozen as they are, and whether it met its deadline (10 working days after the quarter) recorded',
  })
  submitQuarterlyReport(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: AppContext,
  ): Promise<QuarterlyReportView> {
    return ctx.services.quarterlyReports.submit(ctx, year, quarter);
  }

  @FieldResolver(() => String, { description: 'the report as Markdown' })
  markdown(@Root() report: QuarterlyReportView): string {
    return reportMarkdown(report);
  }
}

@Resolver(() => ReportNarrative)
export class ReportNarrativeResolver {
  @MaxItems(LIST_CAPS.history)
  @FieldResolver(() => [HistoryEvent], { description: 'its saves, newest first: each with the text before and after' })
  history(
    @Root() narrative: ReportNarrative,
    @Ctx() ctx: AppContext,
    @Arg('last', () => Int, { nullable: true }) last?: number,
  ): Promise<Row<HistoryEvent>[]> | Row<HistoryEvent>[] {
    if (!narrative.id) return [];
    return ctx.loaders.history.load({ subjectType: SubjectType.QUARTERLY_REPORT, subjectId: narrative.id, limit: historyLimit(last) });
  }
}
