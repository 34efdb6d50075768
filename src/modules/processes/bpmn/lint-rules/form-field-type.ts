import { type LintNode, owningElement, type RuleFactory } from './rule-types';

/** The types the hub checks task variables against (form-validation.ts); `attachments` takes a list of attachment ids. */
export const FORM_FIELD_TYPES = ['string', 'long', 'boolean', 'date', 'enum', 'attachments'] as const;

/** `kexiang/form-field-type`: camunda:formField types the hub can check (config `types` to narrow). */
const formFieldType: RuleFactory<{ types?: readonly string[] }> = (config = {}) => {
  const types = config.types ?? FORM_FIELD_TYPES;
  return {
    check(node: LintNode, reporter) {
      if (node.$type !== 'camunda:FormField') return;
      const type = typeof node.type === 'string' ? node.type : 'string';
      if (!types.includes(type))
        reporter.report(
          owningElement(node).id,
          `form field "${String(node.id ?? '').slice(0, 40)}" has type "${type.slice(0, 40)}", which the hub cannot check (${types.join(', ')})`,
        );
    },
  };
};

export default formFieldType;
