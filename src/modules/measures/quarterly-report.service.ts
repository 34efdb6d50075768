import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import { badInput, DomainError, ErrorCode, staleVersion } from '../../shared/domain-error';
import type { EventBus } from '../../shared/event-bus';
import { checkText, TEXT_LIMITS } from '../../shared/input-checks';
import type { ServiceContext } from '../../shared/service-context';
import type { CalendarService } from '../calendar/calendar.service';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { actingUser, recordHistory } from '../history/history.service';
import type { MeasuresService } from './measures.service';
import { MeasureGrouping } from './measures.types';
import { checkQuarter, previousQuarter, type Quarter, quarterDays, quarterlyReportDue } from './quarter';
import { QuarterlyReport, QuarterlyReportSection, ReportSection } from './quarterly-report.entity';
import {
  casesOf,
  customersOf,
  networkServicesOf,
  organizationOf,
  quotedNumbers,
  salesSupportOf,
  ticketsByKindOf,
} from './quarterly-report.figures';
import { frozenFigures, revivedReport } from './quarterly-report.frozen';
import type { QuarterlyReportView, ReportNarrative } from './quarterly-report.types';

const SECTION_LABEL: Record<ReportSection, string> = {
  [ReportSection.TYPICAL_CASES]: 'typical cases',
  [ReportSection.PROBLEMS_AND_SUGGESTIONS]: 'problems and suggestions',
  [ReportSection.NEXT_QUARTER_PLAN]: "next quarter's plan",
};

/**
 * The quarterly report (季报): its figures counted from the records when asked for, its three
 * narrative sections as the center saved them (each save a version, in history); once submitted,
 * the report as it was then, frozen, and when it was submitted against its deadline.
 */
export class QuarterlyReportService {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly calendar: CalendarService,
    private readonly measures: MeasuresService,
  ) {}

  async report(ctx: ServiceContext, year: number, quarter: number): Promise<QuarterlyReportView> {
    checkQuarter(year, quarter);
    const submitted = await ctx.em.findOne(QuarterlyReport, { year, quarter });
    return submitted ? revivedReport(submitted.figures) : this.build(ctx.em, { year, quarter });
  }

  saveSection(
    ctx: ServiceContext,
    q: Quarter & { section: ReportSection; text: string; version?: number | null },
  ): Promise<ReportNarrative> {
    checkQuarter(q.year, q.quarter);
    checkText('text', q.text, TEXT_LIMITS.report);
    if (!q.text.trim()) throw badInput('text', `Write the ${SECTION_LABEL[q.section]}: a section is not saved blank`);
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      await this.refuseWhenSubmitted(em, q);
      const now = this.clock.now();
      let row = await em.findOne(QuarterlyReportSection, { year: q.year, quarter: q.quarter, section: q.section });
      if (q.version != null && (row?.version ?? 0) !== q.version) {
        throw staleVersion('QuarterlyReportSection', row?.id ?? q.section, q.version, row?.version ?? 0);
      }
      const before = row?.text ?? null;
      if (row) {
        row.text = q.text;
        row.savedAt = now;
        row.savedBy = actor ? ref(actor) : null;
      } else {
        row = em.create(QuarterlyReportSection, {
          year: q.year,
          quarter: q.quarter,
          section: q.section,
          text: q.text,
          savedAt: now,
          savedBy: actor,
        });
      }
      recordHistory(em, actor, {
        subjectType: SubjectType.QUARTERLY_REPORT,
        subjectId: row.id,
        action: before === null ? HistoryAction.CREATED : HistoryAction.UPDATED,
        at: now,
        changes: [{ field: 'text', from: before, to: q.text }],
        note: `${q.year} Q${q.quarter} ${SECTION_LABEL[q.section]}`,
      });
      await em.flush();
      return { id: row.id, section: row.section, text: row.text, version: row.version, savedAt: row.savedAt, savedBy: actor?.name ?? null };
    });
  }

  /** Submits (上报) the report: its figures frozen as they are now, and whether it met its deadline. */
  submit(ctx: ServiceContext, year: number, quarter: number): Promise<QuarterlyReportView> {
    checkQuarter(year, quarter);
    return inTransaction(ctx.em, this.bus, async ({ em }) => {
      const actor = await actingUser(em, ctx.actor);
      // Two submissions at once: the second waits, then finds the first.
      await execSql(em, 'select pg_advisory_xact_lock(hashtext(?))', [`kx:quarterly-report:${year}Q${quarter}`]);
      await this.refuseWhenSubmitted(em, { year, quarter });
      const now = this.clock.now();
      const { last } = quarterDays({ year, quarter });
      if (now < this.measures.period(last, last).end)
        throw badInput('quarter', `${year} Q${quarter} ends on ${last}: submit it after that`);
      const view = await this.build(em, { year, quarter });
      const missing = [view.typicalCases.analysis, view.problemsAndSuggestions, view.nextQuarterPlan].find((n) => !n.text);
      if (missing) throw badInput('section', `Write the ${SECTION_LABEL[missing.section]} before submitting`, { section: missing.section });
      const onTime = now <= view.dueAt;
      const submitted: QuarterlyReportView = { ...view, submittedAt: now, submittedBy: actor?.name ?? null, onTime };
      const row = em.create(QuarterlyReport, {
        year,
        quarter,
        dueAt: view.dueAt,
        submittedAt: now,
        submittedBy: actor,
        onTime,
        figures: frozenFigures(submitted),
      });
      recordHistory(em, actor, {
        subjectType: SubjectType.QUARTERLY_REPORT,
        subjectId: row.id,
        action: HistoryAction.REPORT_SUBMITTED,
        at: now,
        note: `${year} Q${quarter} submitted ${onTime ? 'on time' : 'late'} (due ${view.dueAt.toISOString()})`,
      });
      await em.flush();
      return submitted;
    });
  }

  private async refuseWhenSubmitted(em: EntityManager, q: Quarter): Promise<void> {
    const [found] = await execSql<{ submitted_at: string }>(
      em,
      'select submitted_at from quarterly_report where year = ? and quarter = ?',
      [q.year, q.quarter],
    );
    if (found) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${q.year} Q${q.quarter} was submitted at ${new Date(found.submitted_at).toISOString()}: it is frozen`,
        {
          year: q.year,
          quarter: q.quarter,
        },
      );
    }
  }

  /** The report as the records stand now. */
  private async build(em: EntityManager, q: Quarter): Promise<QuarterlyReportView> {
    const days = quarterDays(q);
    const period = this.measures.period(days.first, days.last);
    const before = quarterDays(previousQuarter(q));
    const [measures] = await this.measures.rows(em, period, MeasureGrouping.CENTER, null);
    const [previous] = await this.measures.rows(em, this.measures.period(before.first, before.last), MeasureGrouping.CENTER, null);
    const span = { start: period.start, end: period.end };
    const narratives = await this.narratives(em, q);
    const sales = await salesSupportOf(em, span);
    const ended = (outcome: string) => sales.presalesEnded.find((c) => c.key === outcome)?.count ?? 0;
    const resources = measures.resourceCheckTimeliness.parts[0];
    return {
      year: q.year,
      quarter: q.quarter,
      from: days.first,
      to: days.last,
      dueAt: quarterlyReportDue(this.calendar.current, q),
      madeAt: this.clock.now(),
      submittedAt: null,
      submittedBy: null,
      onTime: null,
      organization: await organizationOf(em),
      customers: await customersOf(em, span),
      networkServices: await networkServicesOf(em, span),
      marketSupport: {
        ...sales,
        won: ended('WON'),
        lost: ended('LOST'),
        resourcesToCheck: resources.denominator,
        resourcesCheckedOnTime: resources.numerator,
      },
      mainWork: { ticketsByKind: await ticketsByKindOf(em, span), measures, previousQuarter: previous },
      typicalCases: {
        analysis: narratives[ReportSection.TYPICAL_CASES],
        cases: await casesOf(em, quotedNumbers(narratives[ReportSection.TYPICAL_CASES].text)),
      },
      problemsAndSuggestions: narratives[ReportSection.PROBLEMS_AND_SUGGESTIONS],
      nextQuarterPlan: narratives[ReportSection.NEXT_QUARTER_PLAN],
    };
  }

  private async narratives(em: EntityManager, q: Quarter): Promise<Record<ReportSection, ReportNarrative>> {
    const rows = await execSql<{
      id: string;
      section: ReportSection;
      text: string;
      version: number;
      saved_at: string;
      saved_by: string | null;
    }>(
      em,
      `select s.id, s.section, s.text, s.version, s.saved_at, u.name as saved_by
         from quarterly_report_section s left join app_user u on u.id = s.saved_by_id where s.year = ? and s.quarter = ?`,
      [q.year, q.quarter],
    );
    const of = (section: ReportSection): ReportNarrative => {
      const row = rows.find((r) => r.section === section);
      return row
        ? { id: row.id, section, text: row.text, version: row.version, savedAt: new Date(row.saved_at), savedBy: row.saved_by }
        : { id: null, section, text: null, version: 0, savedAt: null, savedBy: null };
    };
    return {
      [ReportSection.TYPICAL_CASES]: of(ReportSection.TYPICAL_CASES),
      [ReportSection.PROBLEMS_AND_SUGGESTIONS]: of(ReportSection.PROBLEMS_AND_SUGGESTIONS),
      [ReportSection.NEXT_QUARTER_PLAN]: of(ReportSection.NEXT_QUARTER_PLAN),
    };
  }
}
