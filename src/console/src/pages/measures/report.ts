import { gql, messageOf } from '../../lib/api';
import { tokenSubject } from '../../lib/auth';
import { h, notice, replace, when } from '../../lib/dom';
import { hashOf } from '../../lib/router';
import { mayWriteReport } from '../../shared/hub-vocabulary';
import { type Quarter, quarterLabel } from '../../shared/quarters';
import { MY_ROLES, REPORT, type ReportView, SUBMIT_REPORT } from './measure-query';
import { openPrintable, printableLink } from './printable';
import { quarterPicker } from './quarter-picker';
import { refusalText, reportEditors } from './report-editor';
import { reportSections } from './report-render';

async function myRoles(): Promise<string[]> {
  const me = tokenSubject();
  try {
    const { users } = await gql<{ users: { code: string; roles: string[] }[] }>(MY_ROLES);
    return users.find((u) => u.code === me)?.roles ?? [];
  } catch {
    return [];
  }
}

const stateLine = (r: ReportView) =>
  r.submittedAt
    ? `Submitted ${when(r.submittedAt)}${r.submittedBy ? ` by ${r.submittedBy}` : ''}, ${r.onTime ? 'on time' : 'late'}.`
    : `Not submitted: due ${when(r.dueAt)}.`;

/** #/measures/2025/4/report: the report's sections, its printable page, and (for its writers) its narrative. */
export async function reportPage(view: HTMLElement, q: Quarter): Promise<void> {
  const status = h('p', { class: 'notice', role: 'status', id: 'report-status' }, 'Loading the report…');
  const state = h('p', { id: 'report-state' });
  const editors = h('div', { id: 'report-editors-slot' });
  const sections = h('div', { id: 'report-body' });
  const printStatus = h('p', { class: 'notice', role: 'status', id: 'printable-status', hidden: true });
  const print = h('button', { type: 'button', id: 'open-printable' }, 'Open printable page');
  const submit = h('button', { type: 'button', id: 'submit-report', hidden: true }, 'Submit the report (上报)');
  const submitStatus = h('p', { class: 'notice', role: 'status', id: 'submit-status', hidden: true });
  replace(
    view,
    h(
      'section',
      { class: 'report', id: 'report', 'data-quarter': `${q.year}-Q${q.quarter}` },
      h(
        'header',
        { class: 'measures-head' },
        h('h1', {}, `Quarterly report ${quarterLabel(q)}`),
        quarterPicker(q, 'report'),
        h('a', { href: hashOf('measures', String(q.year), String(q.quarter)), id: 'measures-link' }, 'Measures'),
        print,
        submit,
      ),
      state,
      printStatus,
      submitStatus,
      status,
      editors,
      sections,
    ),
  );

  print.addEventListener('click', () => {
    printStatus.hidden = false;
    notice(printStatus, 'Fetching the printable page…');
    openPrintable(q)
      .then((url) => {
        notice(printStatus, 'Opened in a new window; if none opened, open ', 'ok');
        printStatus.append(printableLink(url), '.');
      })
      .catch((err: unknown) => notice(printStatus, `No printable page: ${messageOf(err)}`, 'error'));
  });

  let writer = false;
  const show = (report: ReportView) => {
    state.textContent = stateLine(report);
    replace(sections, reportSections(report.markdown));
    submit.hidden = !writer || report.submittedAt !== null;
    view.dataset.loaded = 'true';
  };
  const reload = () =>
    gql<{ quarterlyReport: ReportView }>(REPORT, { ...q })
      .then(({ quarterlyReport }) => show(quarterlyReport))
      .catch((err: unknown) => notice(status, `The report did not reload: ${messageOf(err)}`, 'error'));

  submit.addEventListener('click', () => {
    submit.disabled = true;
    submitStatus.hidden = false;
    notice(submitStatus, 'Submitting…');
    gql<{ submitQuarterlyReport: ReportView }>(SUBMIT_REPORT, { ...q })
      .then(({ submitQuarterlyReport: report }) => {
        notice(submitStatus, 'Submitted: its figures are frozen as they are now.', 'ok');
        show(report);
        replace(
          editors,
          reportEditors(q, report, () => void reload()),
        );
      })
      .catch((err: unknown) => notice(submitStatus, refusalText(err, 'submitted'), 'error'))
      .finally(() => {
        submit.disabled = false;
      });
  });

  try {
    const [{ quarterlyReport: report }, roles] = await Promise.all([gql<{ quarterlyReport: ReportView }>(REPORT, { ...q }), myRoles()]);
    writer = mayWriteReport(roles);
    status.remove();
    if (writer)
      replace(
        editors,
        reportEditors(q, report, () => void reload()),
      );
    show(report);
  } catch (err) {
    notice(status, `The hub did not answer the report: ${messageOf(err)}`, 'error');
  }
}
