import { h, replace } from '../../lib/dom';
import { diffElements, type ElementSummary } from '../../shared/element-diff';
import { elementsOf } from './diagram-elements';

const label = (e: ElementSummary) => `${e.name ? `${e.name} ` : ''}(${e.type.replace('bpmn:', '')} ${e.id})`;

/** Two versions side by side, element by element; answers the ids added and changed in the second. */
export function showComparison(target: HTMLElement, before: { title: string; xml: string }, after: { title: string; xml: string }) {
  const diff = diffElements(elementsOf(before.xml), elementsOf(after.xml));
  const section = (title: string, kind: string, items: string[]) =>
    items.length
      ? h(
          'div',
          { class: `diff diff-${kind}` },
          h('h4', {}, `${title} (${items.length})`),
          h('ul', {}, ...items.map((text) => h('li', {}, text))),
        )
      : null;
  const nothing = diff.added.length + diff.removed.length + diff.changed.length === 0;
  replace(
    target,
    h('h3', {}, `${before.title} → ${after.title}`),
    nothing ? h('p', { class: 'diff-none' }, `No element differs (${diff.unchanged} compared; the layout is not).`) : null,
    section('Added', 'added', diff.added.map(label)),
    section('Removed', 'removed', diff.removed.map(label)),
    section(
      'Changed',
      'changed',
      diff.changed.map(({ before: b, after: a }) => (b.name !== a.name ? `${label(a)}, was named “${b.name ?? ''}”` : label(a))),
    ),
    nothing ? null : h('p', { class: 'muted' }, `${diff.unchanged} unchanged.`),
  );
  return { added: diff.added.map((e) => e.id), changed: diff.changed.map((c) => c.after.id) };
}
