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
  const seen = new Set<ModdleElement>();
  const stack: ModdleElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop() as ModdleElement;
    if (seen.has(element)) continue;
    seen.add(element);
    yield element;
    for (const [key, value] of Object.entries(element)) {
      if (key.startsWith('$') || key === 'sourceRef' || key === 'targetRef' || key === 'incoming' || key === 'outgoing') continue;
      if (key === 'flowNodeRef' || key === 'attachedToRef' || key === 'messageRef' || key === 'default') continue;
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (child && typeof child === 'object' && typeof (child as ModdleElement).$type === 'string') stack.push(child as ModdleElement);
      }
    }
  }
}
