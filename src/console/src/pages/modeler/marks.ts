import { h } from '../../lib/dom';
import { byElement, type Problem } from '../../shared/refusal';
import { type Canvas, type DiagramServices, type ElementRegistry, type Overlays, type Shape, shapeFor } from '../../types/bpmn';

const MARKER = 'kx-problem';
const OVERLAY = 'kx-problem';

/** The hub's problems drawn on the elements they concern: a red outline and a badge with the reasons. */
export class ProblemMarks {
  private marked: Shape[] = [];

  constructor(private readonly diagram: DiagramServices) {}

  /** Marks each problem's element; answers the problems whose element is not in the diagram. */
  show(problems: readonly Problem[]): Problem[] {
    this.clear();
    const canvas = this.diagram.get<Canvas>('canvas');
    const overlays = this.diagram.get<Overlays>('overlays');
    const registry = this.diagram.get<ElementRegistry>('elementRegistry');
    const unplaced: Problem[] = [];
    for (const [id, list] of byElement(problems)) {
      const shape = id ? shapeFor(registry, id) : null;
      if (!shape || shape === canvas.getRootElement()) {
        unplaced.push(...list);
        continue;
      }
      canvas.addMarker(shape, MARKER);
      this.marked.push(shape);
      overlays.add(shape, OVERLAY, {
        position: { top: -14, left: -6 },
        html: h(
          'div',
          { class: 'kx-problem-badge', 'data-for': shape.id, title: list.map((p) => p.message).join('\n') },
          `✖ ${list.length}`,
          h('div', { class: 'kx-problem-text' }, ...list.map((p) => h('p', {}, p.message))),
        ),
      });
    }
    return unplaced;
  }

  clear(): void {
    const canvas = this.diagram.get<Canvas>('canvas');
    for (const shape of this.marked) canvas.removeMarker(shape, MARKER);
    this.marked = [];
    this.diagram.get<Overlays>('overlays').remove({ type: OVERLAY });
  }

  /** Brings an element into view and selects it. */
  reveal(id: string): void {
    const shape = shapeFor(this.diagram.get<ElementRegistry>('elementRegistry'), id);
    if (!shape) return;
    this.diagram.get<Canvas>('canvas').scrollToElement(shape);
    this.diagram.get<{ select(element: Shape): void }>('selection').select(shape);
  }
}
