import { h } from '../../lib/dom';
import { percentText, type Rate, type RateKey } from '../../shared/rates';
import { barChart } from './bar-chart';
import type { MeasureRow } from './measure-query';

export interface Groups {
  center: MeasureRow | null;
  months: MeasureRow[];
  levels: MeasureRow[];
}

const bars = (rows: MeasureRow[], key: RateKey) => rows.map((row) => ({ key: row.key, label: row.group, percent: row[key].percent }));

/** Each group's rate and the fractions it is made of: the numbers behind the bars. */
function partsTable(groups: Groups, key: RateKey): HTMLTableElement {
  const rows = [...(groups.center ? [groups.center] : []), ...groups.months, ...groups.levels];
  const names = rows[0]?.[key].parts.map((p) => p.name) ?? [];
  const cells = (rate: Rate) =>
    names.map((name) => {
      const part = rate.parts.find((p) => p.name === name);
      return h('td', { class: 'num', 'data-part': name }, part ? `${part.numerator}/${part.denominator}` : '—');
    });
  return h(
    'table',
    { class: 'parts' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Group'),
        h('th', {}, 'Rate'),
        ...names.map((name, i) => {
          const weight = rows[0]?.[key].parts[i]?.weight;
          return h('th', {}, name, names.length > 1 && weight !== undefined ? ` (× ${weight})` : '');
        }),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-key': row.key, class: row[key].percent === null ? 'rate-null' : '' },
          h('th', { scope: 'row' }, row.group),
          h('td', { class: 'num rate' }, percentText(row[key])),
          ...cells(row[key]),
        ),
      ),
    ),
  );
}

/** One rate: the quarter's figure, bars by month and by service level, and the parts beside them. */
export function ratePanel(groups: Groups, key: RateKey, label: string, english: string): HTMLElement {
  const center = groups.center?.[key];
  return h(
    'section',
    { class: 'rate-panel', 'data-rate': key },
    h(
      'h2',
      {},
      `${label} ${english}`,
      h('span', { class: center?.percent === null ? 'rate-figure rate-null' : 'rate-figure' }, center ? percentText(center) : '—'),
    ),
    h(
      'div',
      { class: 'rate-body' },
      h(
        'div',
        { class: 'rate-charts' },
        h('h3', {}, 'By month'),
        barChart(`${english} by month`, bars(groups.months, key)),
        h('h3', {}, 'By service level'),
        groups.levels.length
          ? barChart(`${english} by service level`, bars(groups.levels, key))
          : h('p', { class: 'muted' }, 'No customers.'),
      ),
      partsTable(groups, key),
    ),
  );
}
