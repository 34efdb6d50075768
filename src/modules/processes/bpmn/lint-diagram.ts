import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import { allRules, KEXIANG_RULES, PLUGIN_PACKAGE } from './lint-rules';
import type { ModdleElement } from './moddle';

/** What the kexiang rules are told about the hub (see lint-rules/). */
export interface HubLintConfig {
  handlers: readonly string[];
  departments: readonly string[];
  roles: readonly string[];
  processes: readonly string[];
}

export interface LintReport {
  rule: string;
  message: string;
  id: string | null;
  /** the rule itself failed on this diagram */
  failed: boolean;
}

interface Resolver {
  resolveRule(pkg: string, ruleName: string): unknown;
  resolveConfig(pkg: string, configName: string): unknown;
}

/** bpmnlint's own rules from node_modules; the kexiang plugin from lint-rules/. */
class HubResolver implements Resolver {
  private readonly node = new NodeResolver() as unknown as Resolver;
  resolveRule(pkg: string, ruleName: string): unknown {
    if (pkg === PLUGIN_PACKAGE) {
      const rule = KEXIANG_RULES[ruleName];
      if (!rule) throw new Error(`unknown rule <kexiang/${ruleName}>`);
      return rule;
    }
    return this.node.resolveRule(pkg, ruleName);
  }
  resolveConfig(pkg: string, configName: string): unknown {
    if (pkg === PLUGIN_PACKAGE && configName === 'all') return allRules;
    return this.node.resolveConfig(pkg, configName);
  }
}

async function lint(root: ModdleElement, config: Record<string, unknown>): Promise<LintReport[]> {
  // A new Linter for every diagram: rule instances keep state between runs.
  const linter = new Linter({ config, resolver: new HubResolver() });
  const reports = await linter.lint(root);
  const errors: LintReport[] = [];
  for (const [rule, items] of Object.entries(reports)) {
    for (const item of items) {
      if (item.category === 'error' || item.category === 'rule-error')
        errors.push({ rule, message: item.message, id: item.id ?? null, failed: item.category === 'rule-error' });
    }
  }
  return errors;
}

/** bpmnlint's `recommended` rules; returns the errors as "rule: message (element)". */
export async function lintDiagram(root: ModdleElement): Promise<string[]> {
  const reports = await lint(root, { extends: 'bpmnlint:recommended' });
  return reports.map((r) => `${r.rule}: ${r.message}${r.id ? ` (${r.id})` : ''}`);
}

/** The kexiang rules, each with the hub's knowledge it needs. */
export function lintHubRules(root: ModdleElement, hub: HubLintConfig): Promise<LintReport[]> {
  const rules: Record<string, [string, Record<string, unknown>]> = {};
  for (const name of Object.keys(KEXIANG_RULES)) rules[`kexiang/${name}`] = ['error', {}];
  rules['kexiang/handler-registered'][1] = { handlers: hub.handlers };
  rules['kexiang/candidate-group-known'][1] = { departments: hub.departments, roles: hub.roles };
  rules['kexiang/called-element-known'][1] = { processes: hub.processes };
  return lint(root, { rules });
}
