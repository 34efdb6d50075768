import type { ElementSummary } from '../../shared/element-diff';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/**
 * The elements of a diagram's model (not its layout), each with a signature: its attributes and
 * whatever it holds that has no id of its own (conditions, timers, forms, flows in and out).
 */
export function elementsOf(xml: string): ElementSummary[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('the XML does not parse');
  const serializer = new XMLSerializer();
  const found: ElementSummary[] = [];
  for (const element of Array.from(doc.getElementsByTagNameNS(BPMN, '*'))) {
    const id = element.getAttribute('id');
    if (!id || element.localName === 'definitions') continue;
    const copy = element.cloneNode(true) as Element;
    for (const child of Array.from(copy.querySelectorAll('[id]'))) if (child.namespaceURI === BPMN) child.remove();
    found.push({
      id,
      type: `bpmn:${element.localName}`,
      name: element.getAttribute('name'),
      signature: serializer.serializeToString(copy).replace(/\s+/g, ' ').replace(/> </g, '><'),
    });
  }
  return found;
}
