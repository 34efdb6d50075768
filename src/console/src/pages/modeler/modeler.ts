import { gql, HubError, messageOf } from '../../lib/api';
import { h, notice, replace, when } from '../../lib/dom';
import { type Cleanup, hashOf } from '../../lib/router';
import { handlersIn } from '../../shared/hub-vocabulary';
import { type Problem, refusalProblems } from '../../shared/refusal';
import type { LintIssue } from '../../types/bpmn';
import { showComparison } from './compare';
import { DEFINITIONS, DEPLOY, type DefinitionKey, NEW_DIAGRAM, VALIDATE } from './definitions';
import { createEditor } from './editor';
import { linterBundle } from './lint-config';

const EDITED = 'edited';

/** Definitions and versions; one open in bpmn-js to edit, lint, validate, deploy and compare. */
export async function modelerPage(view: HTMLElement, params: readonly string[]): Promise<Cleanup> {
  const [key, versionParam] = params;
  const { processDefinitions, departments } = await gql<{ processDefinitions: DefinitionKey[]; departments: { code: string }[] }>(
    DEFINITIONS,
  );
  const current = processDefinitions.find((d) => d.key === key);
  const version =
    current?.versions.find((v) => String(v.version) === versionParam) ?? current?.versions.find((v) => v.version === current.latestVersion);

  const canvas = h('div', { class: 'canvas', id: 'canvas' });
  const panel = h('div', { class: 'properties', id: 'properties' });
  const status = h('p', { class: 'notice', role: 'status', id: 'modeler-status' });
  const hubProblems = h('ul', { class: 'problems', id: 'hub-problems' });
  const lintSummary = h('p', { id: 'lint-summary', class: 'muted' });
  const lintList = h('ul', { class: 'problems lint', id: 'lint-problems' });
  const comparison = h('div', { id: 'comparison' });
  const comment = h('input', { type: 'text', id: 'deploy-comment', placeholder: 'why this version (recorded with it)', maxlength: 1000 });
  const versionChoices = () => [
    ...(current?.versions ?? []).map((v) => h('option', { value: String(v.version) }, `version ${v.version}`)),
    h('option', { value: EDITED }, 'as edited'),
  ];
  const compareFrom = h('select', { id: 'compare-from' }, ...versionChoices());
  const compareTo = h('select', { id: 'compare-to' }, ...versionChoices());
  compareTo.value = EDITED;
  const previous = current?.versions.find((v) => v.version === (version?.version ?? 0) - 1) ?? version;
  if (previous) compareFrom.value = String(previous.version);

  const list = h(
    'ul',
    { class: 'definitions', id: 'definitions' },
    ...processDefinitions.map((d) =>
      h(
        'li',
        { 'data-key': d.key },
        h('a', { href: hashOf('modeler', d.key), class: d.key === key ? 'active' : '' }, d.name ?? d.key),
        h('span', { class: 'muted' }, ` ${d.key}`),
        h(
          'ul',
          { class: 'versions' },
          ...d.versions.map((v) =>
            h(
              'li',
              { 'data-version': v.version },
              h('a', { href: hashOf('modeler', d.key, String(v.version)), class: v === version ? 'active' : '' }, `v${v.version}`),
              ' ',
              h('span', { class: 'muted' }, `${when(v.deployedAt)} ${v.deployedBy?.name ?? v.source ?? ''}`),
              v.comment ? h('div', { class: 'comment' }, v.comment) : null,
            ),
          ),
        ),
      ),
    ),
  );

  replace(
    view,
    h(
      'div',
      { class: 'modeler' },
      h('aside', {}, h('h2', {}, 'Processes'), h('a', { href: hashOf('modeler', 'new'), id: 'new-diagram' }, '+ New diagram'), list),
      h(
        'section',
        { class: 'editor' },
        h('h1', { id: 'diagram-title' }, version ? `${current?.name ?? current?.key} · version ${version.version}` : 'New diagram'),
        h(
          'div',
          { class: 'toolbar' },
          h('button', { type: 'button', id: 'validate' }, 'Validate with the hub'),
          comment,
          h('button', { type: 'button', id: 'deploy' }, 'Deploy'),
          h('span', { class: 'sep' }),
          h('label', {}, 'Compare ', compareFrom, ' with ', compareTo),
          h('button', { type: 'button', id: 'compare' }, 'Compare'),
        ),
        status,
        h('div', { class: 'workspace' }, canvas, panel),
        h(
          'div',
          { class: 'findings' },
          h('div', {}, h('h3', {}, 'The hub says'), hubProblems),
          h('div', {}, h('h3', {}, 'In-page lint (the hub’s rules)'), lintSummary, lintList),
          comparison,
        ),
      ),
    ),
  );

  const editor = createEditor(
    canvas,
    panel,
    linterBundle({
      departments: departments.map((d) => d.code),
      processes: processDefinitions.map((d) => d.key),
      handlers: handlersIn(processDefinitions.flatMap((d) => d.versions.map((v) => v.xml))),
    }),
    {
      changed: () => notice(status, 'Edited, not deployed.'),
      linted: (issues: LintIssue[]) => {
        const errors = issues.filter((i) => i.category === 'error' || i.category === 'rule-error').length;
        lintSummary.textContent = issues.length ? `${errors} errors, ${issues.length - errors} warnings` : 'no findings';
        replace(
          lintList,
          ...issues.map((i) =>
            h(
              'li',
              { class: `lint-${i.category}`, 'data-element-id': i.id, onclick: () => editor.marks.reveal(i.id) },
              `${i.id}: ${i.message} (${i.rule})`,
            ),
          ),
        );
      },
    },
  );

  const showProblems = (problems: readonly Problem[], heading: string) => {
    const unplaced = editor.marks.show(problems);
    replace(
      hubProblems,
      ...problems.map((p) =>
        h(
          'li',
          {
            'data-element-id': p.elementId ?? '',
            class: p.elementId && !unplaced.includes(p) ? 'placed' : 'unplaced',
            onclick: () => p.elementId && editor.marks.reveal(p.elementId),
          },
          p.message,
        ),
      ),
    );
    notice(
      status,
      `${heading}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, marked on the elements they concern.`,
      'error',
    );
  };

  const validate = async () => {
    notice(status, 'Asking the hub…');
    try {
      const { validateProcessDefinition } = await gql<{ validateProcessDefinition: Problem[] }>(VALIDATE, { xml: await editor.xml() });
      if (validateProcessDefinition.length === 0) {
        editor.marks.clear();
        replace(hubProblems, h('li', { class: 'ok' }, 'Nothing: it would deploy.'));
        notice(status, 'The hub would deploy this diagram.', 'ok');
      } else showProblems(validateProcessDefinition, 'The hub would refuse it');
    } catch (err) {
      notice(status, messageOf(err), 'error');
    }
  };

  const deploy = async () => {
    notice(status, 'Deploying…');
    try {
      const { deployProcessDefinition: d } = await gql<{
        deployProcessDefinition: { created: boolean; definition: { key: string; version: number } };
      }>(DEPLOY, { input: { xml: await editor.xml(), comment: comment.value.trim() || null } });
      editor.marks.clear();
      if (!d.created) {
        notice(status, `Unchanged: this is version ${d.definition.version} of ${d.definition.key} already.`, 'info');
        return;
      }
      location.hash = hashOf('modeler', d.definition.key, String(d.definition.version));
    } catch (err) {
      const problems = err instanceof HubError ? refusalProblems(err.extensions) : null;
      if (problems?.length) showProblems(problems, 'The hub refused to deploy it');
      else notice(status, messageOf(err), 'error');
    }
  };

  const xmlOf = async (choice: string) =>
    choice === EDITED
      ? { title: 'as edited', xml: await editor.xml() }
      : { title: `version ${choice}`, xml: current?.versions.find((v) => String(v.version) === choice)?.xml ?? '' };
  const compare = async () => {
    try {
      const before = await xmlOf(compareFrom.value);
      const after = await xmlOf(compareTo.value);
      const changes = showComparison(comparison, before, after);
      const onCanvas = compareTo.value === EDITED || compareTo.value === String(version?.version);
      editor.markChanges(onCanvas ? changes.added : [], onCanvas ? changes.changed : []);
    } catch (err) {
      notice(status, messageOf(err), 'error');
    }
  };

  view.querySelector('#validate')?.addEventListener('click', () => void validate());
  view.querySelector('#deploy')?.addEventListener('click', () => void deploy());
  view.querySelector('#compare')?.addEventListener('click', () => void compare());

  try {
    const warnings = await editor.open(version?.xml ?? NEW_DIAGRAM);
    notice(
      status,
      warnings.length
        ? `Opened with warnings: ${warnings.join('; ')}`
        : version
          ? `Version ${version.version}, as deployed.`
          : 'A new diagram.',
    );
  } catch (err) {
    notice(status, `The diagram does not open: ${messageOf(err)}`, 'error');
  }
  if (version && key && versionParam === undefined && current && params.length === 1) {
    // The latest version is open; the address names it from now on.
    history.replaceState(null, '', hashOf('modeler', key, String(version.version)));
  }
  return () => editor.destroy();
}
