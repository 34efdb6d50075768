import { h } from '../../lib/dom';
import { hashOf } from '../../lib/router';
import { chinaQuarter, type Quarter, quarterLabel, quartersBack } from '../../shared/quarters';

const key = (q: Quarter) => `${q.year}/${q.quarter}`;

/** A choice of the last two years' quarters (and the one shown, if older); choosing one goes to it. */
export function quarterPicker(shown: Quarter, page: 'measures' | 'report'): HTMLElement {
  const choices = quartersBack(chinaQuarter(new Date()), 8);
  if (!choices.some((q) => key(q) === key(shown))) choices.push(shown);
  const select = h(
    'select',
    { id: 'quarter-picker', name: 'quarter' },
    ...choices.map((q) => h('option', { value: key(q), selected: key(q) === key(shown) }, quarterLabel(q))),
  );
  select.addEventListener('change', () => {
    const [year, quarter] = select.value.split('/');
    location.hash = page === 'report' ? hashOf('measures', year, quarter, 'report') : hashOf('measures', year, quarter);
  });
  return h('label', { class: 'quarter-picker' }, 'Quarter ', select);
}
