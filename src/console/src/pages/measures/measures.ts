import { gql, messageOf } from '../../lib/api';
import { h, notice, replace } from '../../lib/dom';
import { hashOf } from '../../lib/router';
import { chinaQuarter, parseQuarter, type Quarter, quarterDays, quarterLabel } from '../../shared/quarters';
import { percentText, RATES } from '../../shared/rates';
import { MEASURES, type MeasureRow, type QuarterMeasures } from './measure-query';
import { quarterPicker } from './quarter-picker';
import { ratePanel } from './rate-panel';

/** What the four rates leave out: the report's own timeliness, the provisioning cycle, the work done. */
function otherFigures(center: MeasureRow | null): HTMLElement {
  if (!center) return h('p', { class: 'muted' }, 'The hub answered no row for the center.');
  const cycle = center.averageProvisioningCycleWorkingDays;
  return h(
    'table',
    { class: 'figures', id: 'other-figures' },
    h(
      'tbody',
      {},
      h(
        'tr',
        { 'data-figure': 'quarterlyReportTimeliness' },
        h('th', { scope: 'row' }, '季报上报及时性 Quarterly-report timeliness'),
        h('td', {}, percentText(center.quarterlyReportTimeliness)),
        h('td', {}, center.quarterlyReportTimeliness.parts.map((p) => `${p.name}: ${p.numerator}/${p.denominator}`).join('; ')),
      ),
      h(
        'tr',
        { 'data-figure': 'provisioningCycle' },
        h('th', { scope: 'row' }, '业务开通周期 Provisioning cycle'),
        h('td', {}, cycle === null ? 'nothing completed' : `${cycle} working days`),
        h('td', {}, `${center.provisioningOrdersCompleted} order(s) completed`),
      ),
      h(
        'tr',
        { 'data-figure': 'responseWorkDone' },
        h('th', { scope: 'row' }, '响应工作完成 Response work done'),
        h('td', {}, `${center.responseWorkDone} ticket(s)`),
        h('td', {}, 'resolved or closed in the quarter'),
      ),
    ),
  );
}

async function drawMeasures(view: HTMLElement, shown: Quarter): Promise<void> {
  const status = h('p', { class: 'notice', role: 'status', id: 'measures-status' }, 'Counting…');
  const body = h('div', { id: 'measures-body' });
  const { from, to } = quarterDays(shown);
  replace(
    view,
    h(
      'section',
      { class: 'measures', id: 'measures', 'data-quarter': `${shown.year}-Q${shown.quarter}` },
      h(
        'header',
        { class: 'measures-head' },
        h('h1', {}, `Measures ${quarterLabel(shown)}`),
        quarterPicker(shown, 'measures'),
        h('a', { href: hashOf('measures', String(shown.year), String(shown.quarter), 'report'), id: 'report-link' }, 'Quarterly report'),
      ),
      h('p', { class: 'muted' }, `${from} – ${to}, China time. Each item counts in the period its deadline falls in.`),
      status,
      body,
    ),
  );
  try {
    const by = async (groupBy: string) => (await gql<{ measures: MeasureRow[] }>(MEASURES, { from, to, groupBy })).measures;
    const [centerRows, months, levels] = await Promise.all([by('CENTER'), by('MONTH'), by('SERVICE_LEVEL')]);
    const data: QuarterMeasures = { center: centerRows, months, levels };
    const center = data.center[0] ?? null;
    const groups = { center, months: data.months, levels: data.levels };
    replace(body, ...RATES.map((r) => ratePanel(groups, r.key, r.label, r.english)), h('h2', {}, 'Other figures'), otherFigures(center));
    status.remove();
    view.dataset.loaded = 'true';
  } catch (err) {
    notice(status, `The hub did not answer the measures: ${messageOf(err)}`, 'error');
  }
}

/** #/measures (this quarter), #/measures/2025/4, and #/measures/2025/4/report. */
export async function measuresPage(view: HTMLElement, params: readonly string[]): Promise<undefined> {
  const shown = parseQuarter(params[0], params[1]) ?? chinaQuarter(new Date());
  delete view.dataset.loaded;
  if (params[2] === 'report') {
    const { reportPage } = await import('./report');
    await reportPage(view, shown);
  } else await drawMeasures(view, shown);
  return undefined;
}
