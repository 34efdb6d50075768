import { h, replace } from '../lib/dom';

/** The measures and the quarterly report wait for the hub to compute them: no numbers are made up here. */
export function measuresPage(view: HTMLElement): undefined {
  replace(
    view,
    h(
      'section',
      { class: 'placeholder', id: 'measures-placeholder' },
      h('h1', {}, 'Measures & quarterly report'),
      h('p', { class: 'notice notice-info' }, 'Not built yet.'),
      h(
        'p',
        {},
        'The current quarter’s measures as charts, and the quarterly report page, depend on the hub computing the center’s measures, ' +
          'which is another issue and not built yet. This page shows no figures until the hub can answer them: none are invented here.',
      ),
      h('p', {}, 'Until then the ticket board shows each ticket’s SLA clocks live, and the GraphQL IDE answers any query over tickets.'),
    ),
  );
  return undefined;
}
