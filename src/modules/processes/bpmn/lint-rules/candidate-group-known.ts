import { isComputed, type LintNode, type RuleFactory, textList } from './rule-types';

/**
 * `kexiang/candidate-group-known`: every camunda:candidateGroups entry is a department code or
 * a role (config `departments` and `roles`); a task offered to a group nobody is in waits forever.
 */
const candidateGroupKnown: RuleFactory<{ departments?: readonly string[]; roles?: readonly string[] }> = (config = {}) => {
  const known = new Set([...(config.departments ?? []), ...(config.roles ?? [])]);
  return {
    check(node: LintNode, reporter) {
      if (node.$type !== 'bpmn:UserTask') return;
      const groups = textList(node.candidateGroups);
      for (const group of groups) {
        if (isComputed(group) || known.has(group)) continue;
        reporter.report(
          node.id,
          `candidate group "${group.slice(0, 40)}" is no department (${(config.departments ?? []).join(', ')}) and no role (${(config.roles ?? []).join(', ')}): nobody would be offered the task`,
        );
      }
    },
  };
};

export default candidateGroupKnown;
