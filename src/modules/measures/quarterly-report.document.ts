import type { MeasureRow, Rate } from './measures.types';
import type { QuarterlyReportView, ReportCount, ReportNarrative } from './quarterly-report.types';

/** The report as a printer lays it out: Markdown and HTML render these same blocks. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] }
  /** text the center wrote, its line breaks kept; `empty` said when there is none */
  | { kind: 'narrative'; text: string | null; empty: string };

const time = (at: Date | null) =>
  at ? `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)` : '—';

/** A rate as a person reads it: the percent, then each fraction with its weight. */
export function rateText(rate: Rate): string {
  const parts = rate.parts
    .map((p) => `${p.name}: ${p.numerator}/${p.denominator}${rate.parts.length > 1 ? ` × ${p.weight}` : ''}`)
    .join('; ');
  return `${rate.percent === null ? 'no rate (nothing to measure)' : `${rate.percent}%`} — ${parts}`;
}

const countRows = (counts: ReportCount[]) => counts.map((c) => [c.key, String(c.count)]);

function measureRows(now: MeasureRow, before: MeasureRow): string[][] {
  const rate = (label: string, pick: (row: MeasureRow) => Rate) => [label, rateText(pick(now)), rateText(pick(before))];
  const cycle = (row: MeasureRow) =>
    `${row.averageProvisioningCycleWorkingDays ?? '—'} working days over ${row.provisioningOrdersCompleted} order(s)`;
  return [
    rate('资源核查及时率 Resource-check timeliness', (r) => r.resourceCheckTimeliness),
    rate('故障恢复及故障报告提供及时率 Fault restore and report timeliness', (r) => r.faultRestoreAndReportTimeliness),
    rate('电路开通及测试报告提供及时率 Provisioning and test-report timeliness', (r) => r.provisioningTimeliness),
    rate('集团客户用户感知综合指标 Customer perception index', (r) => r.perceptionIndex),
    rate('季报上报及时性 Quarterly-report timeliness', (r) => r.quarterlyReportTimeliness),
    ['业务开通周期 Provisioning cycle', cycle(now), cycle(before)],
    ['响应工作完成 Response work done', `${now.responseWorkDone} ticket(s)`, `${before.responseWorkDone} ticket(s)`],
  ];
}

const narrative = (n: ReportNarrative): Block => ({
  kind: 'narrative',
  text: n.text,
  empty: 'Not written yet.',
});

const saved = (n: ReportNarrative): Block => ({
  kind: 'paragraph',
  text: n.savedAt ? `Version ${n.version}, saved ${time(n.savedAt)}${n.savedBy ? ` by ${n.savedBy}` : ''}.` : 'Not saved yet.',
});

/** The eight sections of DOMAIN.md's 季报, in order. */
export function reportBlocks(r: QuarterlyReportView): Block[] {
  const status = r.submittedAt
    ? `Submitted ${time(r.submittedAt)}${r.submittedBy ? ` by ${r.submittedBy}` : ''}, ${r.onTime ? 'on time' : 'late'} (due ${time(r.dueAt)}).`
    : `Not submitted yet: due ${time(r.dueAt)}. Figures as of ${time(r.madeAt)}.`;
  const m = r.mainWork;
  return [
    { kind: 'heading', level: 1, text: `客户响应季报 Quarterly report ${r.year} Q${r.quarter}` },
    { kind: 'paragraph', text: `${r.from} – ${r.to}. ${status}` },
    { kind: 'heading', level: 2, text: '1. 客户响应体系 The response organization' },
    { kind: 'paragraph', text: `${r.organization.people} active staff.` },
    {
      kind: 'table',
      head: ['Department', 'Code', 'People'],
      rows: r.organization.departments.map((d) => [d.name, d.code, String(d.people)]),
    },
    { kind: 'table', head: ['Role', 'People'], rows: countRows(r.organization.peopleByRole) },
    { kind: 'heading', level: 2, text: '2. 集团客户 The enterprise customers' },
    {
      kind: 'paragraph',
      text: `${r.customers.total} customers served at the quarter's end; ${r.customers.newInQuarter} new and ${r.customers.lostInQuarter} lost in the quarter.`,
    },
    { kind: 'table', head: ['Service level', 'Customers'], rows: countRows(r.customers.byLevel) },
    ...(r.customers.newCustomers.length || r.customers.lostCustomers.length
      ? [
          {
            kind: 'table' as const,
            head: ['Customer', 'Code', 'Level', 'In the quarter'],
            rows: [
              ...r.customers.newCustomers.map((c) => [c.name, c.code, c.serviceLevel, 'new']),
              ...r.customers.lostCustomers.map((c) => [c.name, c.code, c.serviceLevel, 'lost']),
            ],
          },
        ]
      : []),
    { kind: 'heading', level: 2, text: '3. 网络服务提供 Network services provided' },
    {
      kind: 'paragraph',
      text: `${r.networkServices.inService} circuits in service; ${r.networkServices.activatedInQuarter} activated and ${r.networkServices.closedInQuarter} closed in the quarter.`,
    },
    { kind: 'table', head: ['Service type', 'Circuits'], rows: countRows(r.networkServices.byServiceType) },
    { kind: 'table', head: ['Access technology', 'Circuits'], rows: countRows(r.networkServices.byAccessTechnology) },
    { kind: 'heading', level: 2, text: '4. 市场网络支撑项目 Market network-support projects' },
    {
      kind: 'paragraph',
      text: `${r.marketSupport.presalesRaised} presales support request(s) raised, ${r.marketSupport.won} won and ${r.marketSupport.lost} lost; ${r.marketSupport.resourceChecksRaised} resource check(s) raised, ${r.marketSupport.resourcesCheckedOnTime} of ${r.marketSupport.resourcesToCheck} resource(s) due checked on time.`,
    },
    { kind: 'table', head: ['Presales outcome', 'Requests'], rows: countRows(r.marketSupport.presalesEnded) },
    { kind: 'heading', level: 2, text: '5. 日常主要工作 Main work done' },
    { kind: 'table', head: ['Kind', 'Opened', 'Done'], rows: m.ticketsByKind.map((k) => [k.kind, String(k.opened), String(k.done)]) },
    { kind: 'table', head: ['Measure', `${r.year} Q${r.quarter}`, 'Previous quarter'], rows: measureRows(m.measures, m.previousQuarter) },
    { kind: 'heading', level: 2, text: '6. 典型案例分析 Typical cases' },
    ...(r.typicalCases.cases.length
      ? [
          {
            kind: 'table' as const,
            head: ['Ticket', 'Kind', 'Customer', 'Title', 'Opened', 'Resolved'],
            rows: r.typicalCases.cases.map((c) => [c.number, c.kind, c.customer, c.title, time(c.openedAt), time(c.resolvedAt)]),
          },
        ]
      : []),
    narrative(r.typicalCases.analysis),
    saved(r.typicalCases.analysis),
    { kind: 'heading', level: 2, text: '7. 问题及建议 Problems and suggestions' },
    narrative(r.problemsAndSuggestions),
    saved(r.problemsAndSuggestions),
    { kind: 'heading', level: 2, text: '8. 下季度工作计划 Next quarter’s plan' },
    narrative(r.nextQuarterPlan),
    saved(r.nextQuarterPlan),
  ];
}
