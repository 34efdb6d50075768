import { type ModdleElement, walk } from './moddle';

export const MAX_DIAGRAM_BYTES = 1024 * 1024;

/** Checks of the raw text, before any parser sees it. */
export function checkXmlText(xml: string): string[] {
  const problems: string[] = [];
  if (Buffer.byteLength(xml, 'utf8') > MAX_DIAGRAM_BYTES) problems.push(`the diagram is larger than ${MAX_DIAGRAM_BYTES} bytes (1 MB)`);
  // Entities are how XML bombs and external-file reads work; BPMN never needs a DOCTYPE.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) problems.push('the diagram declares a DOCTYPE or entities, which are not allowed');
  return problems;
}

const CODE_ATTRIBUTES = ['camunda:class', 'camunda:delegateExpression', 'camunda:resource'];

/** Diagrams never run code: script tasks, scripts, listeners and script conditions are refused. */
export function findCode(root: ModdleElement): string[] {
  const problems: string[] = [];
  for (const element of walk(root)) {
    const where = element.id ? `${element.$type} ${element.id}` : element.$type;
    if (element.$type === 'bpmn:ScriptTask') problems.push(`${where} is a script task`);
    if (element.$type === 'camunda:Script') problems.push(`${where} holds an inline script`);
    if (element.$type === 'camunda:ExecutionListener' || element.$type === 'camunda:TaskListener') {
      problems.push(`${where} is a listener that would run code`);
    }
    if (typeof element.scriptFormat === 'string' || typeof element.script === 'string') problems.push(`${where} holds a script`);
    // What an expression may say is checked in expression-checks.ts; here, that it is not a script.
    if (element.$type === 'bpmn:FormalExpression' && typeof element.language === 'string')
      problems.push(`an expression in ${where} is written in ${element.language}: only \${...} and =FEEL expressions are allowed`);
    for (const attribute of CODE_ATTRIBUTES) {
      const value = element[attribute.replace('camunda:', '')] ?? element.$attrs?.[attribute];
      if (typeof value === 'string') problems.push(`${where} names Java/JavaScript code (${attribute})`);
    }
  }
  return problems;
}

/** A diagram must hold at least one process marked executable. */
export function executableProcesses(root: ModdleElement): ModdleElement[] {
  const rootElements = (root.rootElements as ModdleElement[] | undefined) ?? [];
  return rootElements.filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
}
