import recommended from 'bpmnlint/config/recommended';
import { KEXIANG_RULES } from '../../../../modules/processes/bpmn/lint-rules';
import type { RuleFactory } from '../../../../modules/processes/bpmn/lint-rules/rule-types';
import { ROLES } from '../../shared/hub-vocabulary';

/** bpmnlint's own rules, bundled from the package (CommonJS modules: their export is the factory). */
const BUILT_IN = import.meta.glob<RuleFactory<never>>('../../../../../node_modules/bpmnlint/rules/*.js', {
  eager: true,
  import: 'default',
});
const builtIn = new Map(Object.entries(BUILT_IN).map(([file, rule]) => [file.replace(/^.*\/(.+)\.js$/, '$1'), rule]));

/** What the page knows of the hub: department codes, deployed processes, handlers the deployed diagrams call. */
export interface HubKnowledge {
  departments: readonly string[];
  processes: readonly string[];
  handlers: readonly string[];
}

export interface LinterBundle {
  config: { rules: Record<string, string | [string, Record<string, unknown>]> };
  resolver: { resolveRule(pkg: string, name: string): RuleFactory<never> | null; resolveConfig(pkg: string, name: string): null };
}

/**
 * The hub's own rules (src/modules/processes/bpmn/lint-rules, bundled as they are) with the
 * knowledge they take as config, and bpmnlint's recommended ones, as bpmn-js-bpmnlint runs them.
 * A handler is only a warning here: the hub may register handlers no deployed diagram calls yet.
 */
export function linterBundle(hub: HubKnowledge): LinterBundle {
  const rules: LinterBundle['config']['rules'] = { ...recommended.rules };
  for (const name of Object.keys(KEXIANG_RULES)) rules[`kexiang/${name}`] = 'error';
  rules['kexiang/handler-registered'] = ['warn', { handlers: hub.handlers }];
  rules['kexiang/candidate-group-known'] = ['error', { departments: hub.departments, roles: ROLES }];
  rules['kexiang/called-element-known'] = ['error', { processes: hub.processes }];
  return {
    config: { rules },
    resolver: {
      resolveRule: (pkg, name) =>
        (pkg === 'bpmnlint-plugin-kexiang' ? KEXIANG_RULES[name] : pkg === 'bpmnlint' ? builtIn.get(name) : null) ?? null,
      resolveConfig: () => null,
    },
  };
}
