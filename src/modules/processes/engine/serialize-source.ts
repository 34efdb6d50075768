import * as elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import type { ParsedDiagram } from '../bpmn/moddle';

/** The diagram as bpmn-engine stores it in a state: computed once per deployed version. */
export function serializeSource(diagram: ParsedDiagram): string {
  const context = serializer(diagram.context as never, TypeResolver(elements));
  return context.serialize();
}
