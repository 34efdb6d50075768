import type { LintNode, RuleFactory } from './rule-types';

const SERVICE_TASKS = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);
const HANDLER_REFERENCE = /^\$\{environment\.services\.([A-Za-z_$][\w$]*)\}$/;

/** `kexiang/handler-registered`: service tasks call a handler the hub registered (config `handlers`). */
const handlerRegistered: RuleFactory<{ handlers?: readonly string[] }> = (config = {}) => {
  const handlers = config.handlers ?? [];
  const known = handlers.length > 0 ? handlers.join(', ') : 'none are registered';
  return {
    check(node: LintNode, reporter) {
      if (!SERVICE_TASKS.has(node.$type)) return;
      const implementation = typeof node.implementation === 'string' ? node.implementation : '';
      const name = HANDLER_REFERENCE.exec(implementation)?.[1];
      if (!implementation) reporter.report(node.id, `the task names no handler: write \${environment.services.<handler>} (${known})`);
      else if (!name) reporter.report(node.id, `implementation "${implementation.slice(0, 80)}" is not \${environment.services.<handler>}`);
      else if (!handlers.includes(name)) reporter.report(node.id, `no handler "${name}" is registered (${known})`);
    },
  };
};

export default handlerRegistered;
