import calledElementKnown from './called-element-known';
import candidateGroupKnown from './candidate-group-known';
import conditionHasBody from './condition-has-body';
import formFieldType from './form-field-type';
import handlerRegistered from './handler-registered';
import messageNamed from './message-named';
import noScript from './no-script';
import type { RuleFactory } from './rule-types';
import timerParses from './timer-parses';

/**
 * bpmnlint-plugin-kexiang: the hub's own rules, one file per rule, named `kexiang/<file>`.
 * Rules needing hub knowledge take it as config: `handlers`, `departments` and `roles`, `processes`.
 */
export const KEXIANG_RULES: Record<string, RuleFactory<never>> = {
  'called-element-known': calledElementKnown,
  'candidate-group-known': candidateGroupKnown,
  'condition-has-body': conditionHasBody,
  'form-field-type': formFieldType,
  'handler-registered': handlerRegistered,
  'message-named': messageNamed,
  'no-script': noScript,
  'timer-parses': timerParses,
};

export const PLUGIN_PACKAGE = 'bpmnlint-plugin-kexiang';

/** The plugin's configuration (`extends: 'plugin:kexiang/all'`), every rule an error. */
export const allRules = { rules: Object.fromEntries(Object.keys(KEXIANG_RULES).map((name) => [`kexiang/${name}`, 'error'])) };
