import BpmnModdle from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';

/** The part of a bpmn-moddle element this module reads. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $attrs?: Record<string, string>;
  [property: string]: unknown;
}

export interface ParsedDiagram {
  /** bpmn-moddle's parse result, as bpmn-engine accepts it (`moddleContext`) */
  context: { rootElement: ModdleElement; elementsById: Record<string, ModdleElement>; warnings: { message: string }[] };
  root: ModdleElement;
}

/** Camunda's extension (candidateGroups, formData) is the vocabulary of the bpmn-js modeler. */
export const moddleOptions = { camunda };

/**
 * Parses BPMN XML. bpmn-moddle's parser (saxen) neither reads external entities nor expands
 * internal ones; a DOCTYPE is refused before parsing anyway (see diagram-checks).
 */
export async function parseDiagram(xml: string): Promise<ParsedDiagram> {
  const moddle = new BpmnModdle(moddleOptions);
  const context = (await moddle.fromXML(xml, 'bpmn:Definitions')) as unknown as ParsedDiagram['context'];
  return { context, root: context.rootElement };
}

/** Every element below `root`, depth first (flow elements, lanes, event definitions, extensions). */
export function* walk(root: ModdleElement): Generator<ModdleElement> {
  for (const { element } of walkTree(root)) yield element;
}

export interface TreeEntry {
  element: ModdleElement;
  /** the element holding it, and the property it is held under */
  parent: ModdleElement | null;
  key: string | null;
  /** 0 for the root */
  depth: number;
}

const REFERENCES = new Set(['sourceRef', 'targetRef', 'incoming', 'outgoing', 'flowNodeRef', 'attachedToRef', 'messageRef', 'default']);

/** Like walk, with where each element sits. Iterative: a diagram may nest deeper than the stack. */
export function* walkTree(root: ModdleElement): Generator<TreeEntry> {
  const seen = new Set<ModdleElement>();
  const stack: TreeEntry[] = [{ element: root, parent: null, key: null, depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop() as TreeEntry;
    if (seen.has(entry.element)) continue;
    seen.add(entry.element);
    yield entry;
    for (const [key, value] of Object.entries(entry.element)) {
      if (key.startsWith('$') || REFERENCES.has(key)) continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as ModdleElement).$type === 'string')
          stack.push({ element: child as ModdleElement, parent: entry.element, key, depth: entry.depth + 1 });
      }
    }
  }
}
