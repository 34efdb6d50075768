import type { DiagramElement } from '../process-definition.entity';
import { elementDigest } from './element-changes';
import { type ModdleElement, walk } from './moddle';

/** Flow elements with their lane, for the console and for checking instance migration. */
export function listElements(process: ModdleElement): DiagramElement[] {
  const laneOf = new Map<string, string>();
  for (const element of walk(process)) {
    if (element.$type !== 'bpmn:Lane') continue;
    const refs = (element.flowNodeRef as ModdleElement[] | undefined) ?? [];
    for (const node of refs) if (node.id) laneOf.set(node.id, element.name ?? element.id ?? '');
  }
  const elements: DiagramElement[] = [];
  for (const element of walk(process)) {
    if (!element.id || element === process) continue;
    if (!isFlowElement(element.$type)) continue;
    const attachedTo = (element.attachedToRef as ModdleElement | undefined)?.id ?? null;
    elements.push({
      id: element.id,
      type: element.$type,
      name: element.name ?? null,
      lane: laneOf.get(element.id) ?? null,
      attachedTo,
      digest: elementDigest(element),
    });
  }
  return elements.sort((a, b) => a.id.localeCompare(b.id));
}

const isFlowElement = (type: string) => /^bpmn:(\w*Task|SubProcess|CallActivity|\w*Event|\w*Gateway|SequenceFlow|Transaction)$/.test(type);

/** Message names declared in the diagram, mapped to their ids (messages are correlated by name). */
export function listMessages(root: ModdleElement): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const element of (root.rootElements as ModdleElement[] | undefined) ?? []) {
    if (element.$type === 'bpmn:Message' && element.id) messages[element.name ?? element.id] = element.id;
  }
  return messages;
}
