import { s } from '../../lib/svg';
import { barShare, NOTHING_TO_MEASURE } from '../../shared/rates';

export interface Bar {
  key: string;
  label: string;
  percent: number | null;
}

const LABEL = 96;
const PLOT = 220;
const VALUE = 124;
const ROW = 24;
const TOP = 22;

/**
 * A horizontal bar chart of percentages, 0–100 %, drawn as SVG in code. A rate with nothing to
 * measure has no bar and says so: it is never drawn as 0 %.
 */
export function barChart(title: string, bars: readonly Bar[]): SVGSVGElement {
  const height = TOP + bars.length * ROW + 6;
  const width = LABEL + PLOT + VALUE;
  const axis = [0, 50, 100].map((tick) =>
    s(
      'g',
      { class: 'chart-tick' },
      s('line', { x1: LABEL + (PLOT * tick) / 100, x2: LABEL + (PLOT * tick) / 100, y1: TOP - 4, y2: height - 4 }),
      s('text', { x: LABEL + (PLOT * tick) / 100, y: TOP - 8, 'text-anchor': 'middle' }, `${tick}%`),
    ),
  );
  const rows = bars.map((bar, i) => {
    const y = TOP + i * ROW;
    const share = barShare(bar.percent);
    return s(
      'g',
      { class: share === null ? 'chart-bar chart-null' : 'chart-bar', 'data-key': bar.key, 'data-percent': bar.percent ?? 'null' },
      s('text', { class: 'chart-label', x: LABEL - 6, y: y + ROW / 2 + 4, 'text-anchor': 'end' }, bar.label),
      share === null
        ? s('rect', { class: 'chart-empty', x: LABEL, y: y + 4, width: PLOT, height: ROW - 8 })
        : s('rect', { class: 'chart-fill', x: LABEL, y: y + 4, width: Math.max(share * PLOT, 1), height: ROW - 8 }),
      s(
        'text',
        { class: 'chart-value', x: LABEL + PLOT + 6, y: y + ROW / 2 + 4 },
        bar.percent === null ? NOTHING_TO_MEASURE : `${bar.percent}%`,
      ),
    );
  });
  return s(
    'svg',
    { class: 'bar-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title },
    s('title', {}, title),
    ...axis,
    ...rows,
  );
}
