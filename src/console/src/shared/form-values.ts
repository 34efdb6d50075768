/** A form field as the hub declares it from the diagram (ProcessTask.formFields). */
export interface FormFieldSpec {
  id: string;
  label: string | null;
  type: string;
  required: boolean;
  values: readonly string[] | null;
}

/** What the page's inputs hold: text for every field, a tick for booleans. */
export type RawAnswers = Readonly<Record<string, string | boolean>>;

/**
 * The variables a form completes its task with. Blank answers are left out (the hub says which
 * required field is missing); a number that is not one is sent as written, for the hub to refuse
 * with its own sentence: the page shows the hub's validation, it does not second-guess it.
 */
export function toVariables(fields: readonly FormFieldSpec[], raw: RawAnswers): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const field of fields) {
    const answer = raw[field.id];
    if (field.type === 'boolean') {
      variables[field.id] = answer === true;
      continue;
    }
    const text = typeof answer === 'string' ? answer.trim() : '';
    if (text === '') continue;
    if (field.type === 'long') variables[field.id] = /^-?\d+$/.test(text) ? Number(text) : text;
    else if (field.type === 'attachments')
      variables[field.id] = text
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
    else variables[field.id] = text;
  }
  return variables;
}

/** The field a BAD_USER_INPUT refusal names (`extensions.field` is "variables.<id>"), when it names one of the form's. */
export function fieldOfRefusal(field: unknown, fields: readonly FormFieldSpec[]): string | null {
  if (typeof field !== 'string' || !field.startsWith('variables.')) return null;
  const id = field.slice('variables.'.length);
  return fields.some((f) => f.id === id) ? id : null;
}
