import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import BpmnModdle from 'bpmn-moddle';

const DIR = path.join(__dirname, '..', '..', 'processes');

interface Element {
  $type: string;
  id?: string;
  bpmnElement?: { id: string; $type: string };
  bounds?: unknown;
  waypoint?: unknown[];
  [key: string]: unknown;
}

/** Every element a modeler sees: flow elements, lanes and pools, however deep. */
function modelled(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (element: Element) => {
    for (const key of ['flowElements', 'laneSets', 'lanes', 'participants']) {
      for (const child of (element[key] as Element[] | undefined) ?? []) {
        if (child.$type !== 'bpmn:LaneSet') found.push(child);
        visit(child);
      }
    }
  };
  visit(root);
  return found;
}

/** What bpmn-js needs to open a diagram: it imports without warnings and every element is drawn. */
describe("The center's diagrams open in a modeler", () => {
  test.each(
    readdirSync(DIR).filter((file) => file.endsWith('.bpmn')),
  )('When %s is imported, then nothing is warned and every element, lane and pool is drawn', async (file) => {
    const parsed = (await new BpmnModdle().fromXML(readFileSync(path.join(DIR, file), 'utf8'))) as {
      rootElement: unknown;
      warnings: unknown[];
    };
    const { rootElement, warnings } = parsed;
    expect(warnings).toEqual([]);
    const definitions = rootElement as unknown as {
      rootElements: Element[];
      diagrams: { plane: { bpmnElement: Element; planeElement: Element[] } }[];
    };
    const plane = definitions.diagrams[0].plane;
    // Lanes are drawn inside a pool: the plane shows the collaboration.
    expect(plane.bpmnElement.$type).toBe('bpmn:Collaboration');
    const drawn = new Map(plane.planeElement.map((shape) => [shape.bpmnElement?.id, shape]));
    const undrawn = definitions.rootElements.flatMap(modelled).filter((element) => !drawn.has(element.id));
    expect(undrawn.map((element) => element.id)).toEqual([]);
    const malformed = plane.planeElement.filter(
      (shape) =>
        (shape.$type === 'bpmndi:BPMNShape' && !shape.bounds) || (shape.$type === 'bpmndi:BPMNEdge' && (shape.waypoint ?? []).length < 2),
    );
    expect(malformed.map((shape) => shape.id)).toEqual([]);
  });
});
