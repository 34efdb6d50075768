import { gql, HubError, messageOf } from '../../lib/api';
import { h, notice } from '../../lib/dom';
import { type FormFieldSpec, fieldOfRefusal, type RawAnswers, toVariables } from '../../shared/form-values';
import { COMPLETE, type QueueTask } from './task-query';

function input(field: FormFieldSpec): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const common = { id: `field-${field.id}`, name: field.id, 'data-field': field.id, 'aria-describedby': `error-${field.id}` };
  switch (field.type) {
    case 'boolean':
      return h('input', { ...common, type: 'checkbox' });
    case 'long':
      return h('input', { ...common, type: 'text', inputmode: 'numeric' });
    case 'date':
      return h('input', { ...common, type: 'date' });
    case 'enum':
      return h('select', common, h('option', { value: '' }, '—'), ...(field.values ?? []).map((v) => h('option', { value: v }, v)));
    case 'attachments':
      return h('input', { ...common, type: 'text', placeholder: 'attachment ids, comma-separated' });
    default:
      return h('textarea', { ...common, rows: 2 });
  }
}

/**
 * The task's form as the diagram declares it. The browser does not check it: the hub does, and
 * its refusal is shown on the field it names.
 */
export function taskForm(task: QueueTask, done: () => void): HTMLFormElement {
  const inputs = new Map(task.formFields.map((f) => [f.id, input(f)]));
  const errors = new Map(task.formFields.map((f) => [f.id, h('span', { class: 'field-error', id: `error-${f.id}`, role: 'alert' })]));
  const status = h('p', { class: 'notice', role: 'status', id: 'form-status' });
  const submit = h('button', { type: 'submit', id: 'complete-task' }, 'Complete task');
  const form = h(
    'form',
    { class: 'task-form', id: 'task-form', novalidate: true, 'data-task-id': task.id },
    ...task.formFields.map((f) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: `field-${f.id}` }, f.label ?? f.id, f.required ? h('span', { class: 'required' }, ' *') : null),
        inputs.get(f.id) ?? null,
        h('span', { class: 'field-type' }, f.type === 'enum' ? `one of ${(f.values ?? []).join(', ')}` : f.type),
        errors.get(f.id) ?? null,
      ),
    ),
    task.formFields.length === 0 ? h('p', {}, 'This task has no form: completing it moves its process on.') : null,
    submit,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const raw: Record<string, string | boolean> = {};
    for (const [id, el] of inputs) raw[id] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
    for (const [id, el] of errors) {
      el.textContent = '';
      inputs.get(id)?.removeAttribute('aria-invalid');
    }
    submit.disabled = true;
    notice(status, 'Completing…');
    gql(COMPLETE, { id: task.id, variables: toVariables(task.formFields, raw as RawAnswers) })
      .then(() => {
        notice(status, 'Completed.', 'ok');
        done();
      })
      .catch((err: unknown) => {
        submit.disabled = false;
        const field = err instanceof HubError ? fieldOfRefusal(err.extensions.field, task.formFields) : null;
        if (field) {
          const target = errors.get(field);
          if (target) target.textContent = messageOf(err);
          inputs.get(field)?.setAttribute('aria-invalid', 'true');
          inputs.get(field)?.focus();
          notice(status, 'The hub refused the form: see the field marked.', 'error');
        } else notice(status, messageOf(err), 'error');
      });
  });
  return form;
}
