import type { QuarterlyReportView, ReportCase, ReportNarrative } from './quarterly-report.types';

/** The report as JSON, to keep as submitted. */
export const frozenFigures = (view: QuarterlyReportView): Record<string, unknown> => JSON.parse(JSON.stringify(view));

const date = (value: unknown): Date => new Date(String(value));
const maybeDate = (value: unknown): Date | null => (value ? new Date(String(value)) : null);

const narrative = (n: ReportNarrative): ReportNarrative => ({ ...n, savedAt: maybeDate(n.savedAt) });
const reportCase = (c: ReportCase): ReportCase => ({ ...c, openedAt: date(c.openedAt), resolvedAt: maybeDate(c.resolvedAt) });

/** A submitted report read back: its instants are instants again (JSON kept them as text), nothing else changes. */
export function revivedReport(figures: Record<string, unknown>): QuarterlyReportView {
  const view = figures as unknown as QuarterlyReportView;
  return {
    ...view,
    dueAt: date(view.dueAt),
    madeAt: date(view.madeAt),
    submittedAt: maybeDate(view.submittedAt),
    typicalCases: { analysis: narrative(view.typicalCases.analysis), cases: view.typicalCases.cases.map(reportCase) },
    problemsAndSuggestions: narrative(view.problemsAndSuggestions),
    nextQuarterPlan: narrative(view.nextQuarterPlan),
  };
}
