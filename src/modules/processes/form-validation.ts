import { badInput } from '../../shared/domain-error';
import type { FormField } from './process-task.entity';

/** A form's text answer is a note, not a document: instance variables are read by every later step. */
export const MAX_FORM_TEXT = 4000;
const MAX_COMPLETION_BYTES = 64_000;

const valid: Record<string, (value: unknown, field: FormField) => boolean> = {
  string: (v) => typeof v === 'string',
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  enum: (v, f) => typeof v === 'string' && (f.values ?? []).includes(v),
  // Ids of uploaded documents; whether each exists and may be seen is the attachments module's check on completion.
  attachments: (v) => Array.isArray(v) && v.every((id) => typeof id === 'string'),
};

/** What a field of a type must be, for the refusal. */
const expectedOf = (field: FormField): string =>
  field.type === 'enum'
    ? `one of ${(field.values ?? []).join(', ')}`
    : field.type === 'attachments'
      ? 'a list of attachment ids'
      : `a ${field.type}`;

/** No answer: absent, whitespace, or an attachments field's empty list. */
const isBlank = (value: unknown, field: FormField): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (field.type === 'attachments' && Array.isArray(value) && value.length === 0);

/**
 * Checks what a task is completed with against the form declared in the diagram: required
 * fields present, values of the declared type, no undeclared fields when a form exists.
 */
export function validateTaskVariables(fields: readonly FormField[], variables: Record<string, unknown>): void {
  // Tasks without a form take any variables, but not a document: every later step reads them.
  if (JSON.stringify(variables).length > MAX_COMPLETION_BYTES) {
    throw badInput('variables', `A task is completed with at most ${MAX_COMPLETION_BYTES / 1000} KB of variables`);
  }
  for (const field of fields) {
    const value = variables[field.id];
    // Whitespace is no answer: a required field filled with spaces (or no attachment) is missing.
    if (isBlank(value, field)) {
      if (field.required) throw badInput(`variables.${field.id}`, `${field.label ?? field.id} is required`);
      continue;
    }
    const check = valid[field.type] ?? valid.string;
    if (typeof value === 'string' && value.length > MAX_FORM_TEXT) {
      throw badInput(`variables.${field.id}`, `${field.label ?? field.id} is at most ${MAX_FORM_TEXT} characters`);
    }
    if (!check(value, field)) throw badInput(`variables.${field.id}`, `${field.label ?? field.id} must be ${expectedOf(field)}`);
  }
  if (fields.length > 0) {
    const declared = new Set(fields.map((f) => f.id));
    const unknown = Object.keys(variables).filter((k) => !declared.has(k));
    if (unknown.length > 0)
      throw badInput('variables', `The task's form has no field ${unknown.join(', ')} (it has ${[...declared].join(', ')})`);
  }
}
