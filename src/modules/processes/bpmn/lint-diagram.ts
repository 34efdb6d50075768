import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import type { ModdleElement } from './moddle';

/**
 * bpmnlint's `recommended` rules; returns the errors as "rule: message (element)". A new Linter
 * for every diagram: rule instances keep state between runs.
 */
export async function lintDiagram(root: ModdleElement): Promise<string[]> {
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const reports = await linter.lint(root);
  const errors: string[] = [];
  for (const [rule, items] of Object.entries(reports)) {
    for (const item of items) {
      if (item.category === 'error' || item.category === 'rule-error')
        errors.push(`${rule}: ${item.message}${item.id ? ` (${item.id})` : ''}`);
    }
  }
  return errors;
}
