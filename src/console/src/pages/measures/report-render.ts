import { h } from '../../lib/dom';
import { type MdBlock, markdownSections } from '../../shared/report-markdown';

function blockElement(block: MdBlock): HTMLElement {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? h('h2', { class: 'report-title' }, block.text) : h('h4', {}, block.text);
    case 'paragraph':
      return h('p', { class: block.emphasis ? 'report-note' : 'report-text' }, block.text);
    case 'table':
      return h(
        'table',
        { class: 'report-table' },
        h('thead', {}, h('tr', {}, ...block.head.map((cell) => h('th', {}, cell)))),
        h('tbody', {}, ...block.rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
      );
  }
}

/** The report's sections, drawn from its Markdown with text nodes only. */
export function reportSections(markdown: string): HTMLElement {
  return h(
    'div',
    { id: 'report-sections', class: 'report-sections' },
    ...markdownSections(markdown).map((section, i) =>
      h(
        'section',
        { class: 'report-section', 'data-section': i },
        section.heading === null ? null : h('h3', {}, section.heading),
        ...section.blocks.map(blockElement),
      ),
    ),
  );
}
