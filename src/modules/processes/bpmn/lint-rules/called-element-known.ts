import { isComputed, type LintNode, type RuleFactory } from './rule-types';

function diagramProcessIds(node: LintNode): string[] {
  let root: LintNode = node;
  while (root.$parent) root = root.$parent;
  const rootElements = (root.rootElements as LintNode[] | undefined) ?? [];
  return rootElements.filter((e) => e.$type === 'bpmn:Process' && e.id).map((e) => e.id as string);
}

/** `kexiang/called-element-known`: a call activity calls a deployed process (config `processes`) or one in the same diagram. */
const calledElementKnown: RuleFactory<{ processes?: readonly string[] }> = (config = {}) => ({
  check(node: LintNode, reporter) {
    if (node.$type !== 'bpmn:CallActivity') return;
    const called = typeof node.calledElement === 'string' ? node.calledElement.trim() : '';
    if (called === '') reporter.report(node.id, 'the call activity names no process to call (calledElement)');
    else if (!isComputed(called) && !(config.processes ?? []).includes(called) && !diagramProcessIds(node).includes(called))
      reporter.report(node.id, `it calls process "${called.slice(0, 60)}", which is neither deployed nor in this diagram`);
  },
});

export default calledElementKnown;
