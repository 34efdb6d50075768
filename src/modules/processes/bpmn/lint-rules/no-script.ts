import { type LintNode, owningElement, type RuleFactory } from './rule-types';

const CODE_ATTRIBUTES = ['class', 'delegateExpression', 'resource'];

/** `kexiang/no-script`: diagrams never run code: no script tasks, scripts, listeners, code references or script conditions. */
const noScript: RuleFactory = () => ({
  check(node: LintNode, reporter) {
    const id = owningElement(node).id;
    if (node.$type === 'bpmn:ScriptTask') reporter.report(id, 'script tasks are not allowed: diagrams never run code');
    else if (node.$type === 'camunda:Script') reporter.report(id, 'inline scripts are not allowed: diagrams never run code');
    else if (node.$type === 'camunda:ExecutionListener' || node.$type === 'camunda:TaskListener')
      reporter.report(id, 'listeners are not allowed: they would run code');
    else if (node.$type === 'bpmn:FormalExpression' && typeof node.language === 'string')
      reporter.report(id, `an expression written in ${node.language.slice(0, 20)} is not allowed: only \${...} and =FEEL expressions are`);
    for (const attribute of CODE_ATTRIBUTES) {
      if (node.$type.startsWith('bpmn:') && typeof node[attribute] === 'string')
        reporter.report(id, `camunda:${attribute} names Java/JavaScript code, which is not allowed`);
    }
  },
});

export default noScript;
