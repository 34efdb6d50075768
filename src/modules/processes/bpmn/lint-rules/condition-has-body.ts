import { type LintNode, owningElement, type RuleFactory } from './rule-types';

const CONDITION_KEYS = ['conditionExpression', 'condition', 'completionCondition'];

/** `kexiang/condition-has-body`: a condition says something (the engine stops an instance on an empty one). */
const conditionHasBody: RuleFactory = () => ({
  check(node: LintNode, reporter) {
    for (const key of CONDITION_KEYS) {
      const condition = node[key] as LintNode | undefined;
      if (!condition || typeof condition !== 'object' || typeof condition.language === 'string') continue;
      const body = typeof condition.body === 'string' ? condition.body.trim() : '';
      if (body === '') reporter.report(owningElement(node).id, `its ${key} is empty: write a \${...} or =FEEL expression, or remove it`);
    }
  },
});

export default conditionHasBody;
