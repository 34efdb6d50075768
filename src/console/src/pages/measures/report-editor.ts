import { gql, HubError, messageOf } from '../../lib/api';
import { h, notice, when } from '../../lib/dom';
import { REPORT_SECTIONS } from '../../shared/hub-vocabulary';
import type { Quarter } from '../../shared/quarters';
import { type Narrative, narrativeOf, type ReportView, SAVE_SECTION } from './measure-query';

type SectionSpec = (typeof REPORT_SECTIONS)[number];

/** What the hub's refusal means to the person writing. */
export function refusalText(err: unknown, what: 'saved' | 'submitted' = 'saved'): string {
  if (!(err instanceof HubError)) return messageOf(err);
  if (err.code === 'CONFLICT') return `Not ${what}: ${err.message} (reload the report to see what is saved now).`;
  if (err.code === 'BAD_USER_INPUT') return `Not ${what}: ${err.message}`;
  if (err.code === 'FORBIDDEN') return `Not allowed: ${err.message}`;
  return messageOf(err);
}

const savedLine = (n: Narrative) =>
  n.version === 0 ? 'Not saved yet.' : `Version ${n.version}, saved ${when(n.savedAt)}${n.savedBy ? ` by ${n.savedBy}` : ''}.`;

/** One narrative section: its text, saved with the version read (a stale one is the hub's CONFLICT). */
function sectionEditor(q: Quarter, spec: SectionSpec, initial: Narrative, locked: boolean, saved: () => void): HTMLElement {
  let version = initial.version;
  const id = `section-${spec.section}`;
  const text = h('textarea', { id, name: spec.section, rows: 5, disabled: locked, 'aria-describedby': `${id}-status` });
  text.value = initial.text ?? '';
  const meta = h('p', { class: 'muted', id: `${id}-saved` }, savedLine(initial));
  const status = h('p', { class: 'notice', role: 'status', id: `${id}-status` });
  const button = h('button', { type: 'submit', id: `${id}-save`, disabled: locked }, 'Save section');
  const form = h(
    'form',
    { class: 'section-editor', 'data-section': spec.section, novalidate: true },
    h('label', { for: id }, spec.title),
    text,
    meta,
    button,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    notice(status, 'Saving…');
    text.removeAttribute('aria-invalid');
    gql<{ saveQuarterlyReportSection: Narrative }>(SAVE_SECTION, { ...q, section: spec.section, text: text.value, version })
      .then(({ saveQuarterlyReportSection: n }) => {
        version = n.version;
        meta.textContent = savedLine(n);
        notice(status, `Saved as version ${n.version}.`, 'ok');
        saved();
      })
      .catch((err: unknown) => {
        if (err instanceof HubError && err.code === 'BAD_USER_INPUT') text.setAttribute('aria-invalid', 'true');
        notice(status, refusalText(err), 'error');
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return form;
}

/** The three narrative sections the center writes, for those allowed to write them. */
export function reportEditors(q: Quarter, report: ReportView, saved: () => void): HTMLElement {
  const locked = report.submittedAt !== null;
  return h(
    'section',
    { class: 'report-editors', id: 'report-editors' },
    h('h2', {}, 'Write the narrative sections'),
    locked ? h('p', { class: 'notice notice-info' }, 'The report is submitted: its sections are as they were then.') : null,
    ...REPORT_SECTIONS.map((spec) => sectionEditor(q, spec, narrativeOf(report, spec.field), locked, saved)),
  );
}
