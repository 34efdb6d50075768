import type { Rate } from '../../shared/rates';

const RATE = 'percent parts { name numerator denominator weight }';

export interface MeasureRow {
  key: string;
  group: string;
  resourceCheckTimeliness: Rate;
  faultRestoreAndReportTimeliness: Rate;
  provisioningTimeliness: Rate;
  perceptionIndex: Rate;
  quarterlyReportTimeliness: Rate;
  averageProvisioningCycleWorkingDays: number | null;
  provisioningOrdersCompleted: number;
  responseWorkDone: number;
}

const ROW = `key group
  resourceCheckTimeliness { ${RATE} } faultRestoreAndReportTimeliness { ${RATE} }
  provisioningTimeliness { ${RATE} } perceptionIndex { ${RATE} } quarterlyReportTimeliness { ${RATE} }
  averageProvisioningCycleWorkingDays provisioningOrdersCompleted responseWorkDone`;

/** The measures of a period by one grouping (one request each: the three at once cost more than the hub answers). */
export const MEASURES = `query Measures($from: Date!, $to: Date!, $groupBy: MeasureGrouping!) {
  measures(from: $from, to: $to, groupBy: $groupBy) { ${ROW} }
}`;

export interface QuarterMeasures {
  center: MeasureRow[];
  months: MeasureRow[];
  levels: MeasureRow[];
}

export interface Narrative {
  section: string;
  text: string | null;
  version: number;
  savedAt: string | null;
  savedBy: string | null;
}

const NARRATIVE = 'section text version savedAt savedBy';

export interface ReportView {
  year: number;
  quarter: number;
  dueAt: string;
  submittedAt: string | null;
  submittedBy: string | null;
  onTime: boolean | null;
  markdown: string;
  typicalCases: { analysis: Narrative };
  problemsAndSuggestions: Narrative;
  nextQuarterPlan: Narrative;
}

const REPORT_FIELDS = `year quarter dueAt submittedAt submittedBy onTime markdown
  typicalCases { analysis { ${NARRATIVE} } } problemsAndSuggestions { ${NARRATIVE} } nextQuarterPlan { ${NARRATIVE} }`;

export const REPORT = `query QuarterlyReport($year: Int!, $quarter: Int!) { quarterlyReport(year: $year, quarter: $quarter) { ${REPORT_FIELDS} } }`;

/** The signed-in user's roles, to offer the editors only to those the hub lets write. */
export const MY_ROLES = 'query MyRoles { users { code roles } }';

export const SAVE_SECTION = `mutation SaveReportSection($year: Int!, $quarter: Int!, $section: ReportSection!, $text: String!, $version: Int) {
  saveQuarterlyReportSection(year: $year, quarter: $quarter, section: $section, text: $text, version: $version) { ${NARRATIVE} } }`;

export const SUBMIT_REPORT = `mutation SubmitReport($year: Int!, $quarter: Int!) {
  submitQuarterlyReport(year: $year, quarter: $quarter) { ${REPORT_FIELDS} } }`;

/** A narrative of the report by its section name. */
export function narrativeOf(report: ReportView, field: 'typicalCases' | 'problemsAndSuggestions' | 'nextQuarterPlan'): Narrative {
  return field === 'typicalCases' ? report.typicalCases.analysis : report[field];
}
