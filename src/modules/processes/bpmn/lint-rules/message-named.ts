import type { LintNode, RuleFactory } from './rule-types';

/** `kexiang/message-named`: a message event or receive task waits for a message that has a name (correlateMessage finds it by name). */
const messageNamed: RuleFactory = () => ({
  check(node: LintNode, reporter) {
    const waits = node.$type === 'bpmn:MessageEventDefinition' || node.$type === 'bpmn:ReceiveTask' || node.$type === 'bpmn:SendTask';
    if (!waits) return;
    const owner = node.$type === 'bpmn:MessageEventDefinition' ? node.$parent : node;
    const message = node.messageRef as LintNode | undefined;
    if (!message) {
      if (node.$type !== 'bpmn:SendTask') reporter.report(owner?.id, 'it names no message: choose a message with a name');
      return;
    }
    if (typeof message.name !== 'string' || message.name.trim() === '')
      reporter.report(owner?.id, `its message ${message.id ?? ''} has no name: messages are correlated by name`);
  },
});

export default messageNamed;
