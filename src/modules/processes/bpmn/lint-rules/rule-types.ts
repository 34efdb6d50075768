/**
 * What a kexiang bpmnlint rule sees. The rules import nothing from Node: a browser modeler
 * (bpmn-js-bpmnlint) can bundle them as they are, with the hub's knowledge passed as rule config.
 */
export interface LintNode {
  $type: string;
  id?: string;
  name?: string;
  $parent?: LintNode;
  [property: string]: unknown;
}

export interface LintReporter {
  report(id: string | undefined, message: string): void;
}

export interface LintRule {
  check: (node: LintNode, reporter: LintReporter) => void;
}

export type RuleFactory<Config = Record<string, unknown>> = (config?: Config) => LintRule;

/** The nearest enclosing element with an id (form fields and expressions report on their task or event). */
export function owningElement(node: LintNode): LintNode {
  let current: LintNode | undefined = node;
  while (current && !(current.id && /^bpmn:/.test(current.$type))) current = current.$parent;
  return current ?? node;
}

/** A `${...}` or `=FEEL` text is computed at run time: the rules judge written values only. */
export const isComputed = (text: string): boolean => text.includes('${') || text.trimStart().startsWith('=');

export const textList = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : [];
