import { badInput } from '../../shared/domain-error';
import type { FormField } from './process-task.entity';

const valid: Record<string, (value: unknown, field: FormField) => boolean> = {
  string: (v) => typeof v === 'string',
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  enum: (v, f) => typeof v === 'string' && (f.values ?? []).includes(v),
};

/**
 * Checks what a task is completed with against the form declared in the diagram: required
 * fields present, values of the declared type, no undeclared fields when a form exists.
 */
export function validateTaskVariables(fields: readonly FormField[], variables: Record<string, unknown>): void {
  for (const field of fields) {
    const value = variables[field.id];
    if (value === undefined || value === null || value === '') {
      if (field.required) throw badInput(`variables.${field.id}`, `${field.label ?? field.id} is required`);
      continue;
    }
    const check = valid[field.type] ?? valid.string;
    if (!check(value, field)) {
      const expected = field.type === 'enum' ? `one of ${(field.values ?? []).join(', ')}` : `a ${field.type}`;
      throw badInput(`variables.${field.id}`, `${field.label ?? field.id} must be ${expected}`);
    }
  }
  if (fields.length > 0) {
    const declared = new Set(fields.map((f) => f.id));
    const unknown = Object.keys(variables).filter((k) => !declared.has(k));
    if (unknown.length > 0)
      throw badInput('variables', `The task's form has no field ${unknown.join(', ')} (it has ${[...declared].join(', ')})`);
  }
}
