import { gql, messageOf } from '../../lib/api';
import { tokenSubject } from '../../lib/auth';
import { h, notice, replace, when } from '../../lib/dom';
import { confirmLive, subscribe } from '../../lib/live';
import type { Cleanup } from '../../lib/router';
import { formatSpan } from '../../shared/sla';
import { taskForm } from './task-form';
import { CLAIM, QUEUE_QUERY, type QueueTask, TASK_CHANGED, UNCLAIM } from './task-query';

const due = (task: QueueTask, now: number): string => {
  if (!task.dueAt) return 'no due time';
  const left = Date.parse(task.dueAt) - now;
  return left >= 0 ? `due in ${formatSpan(left)}` : `overdue by ${formatSpan(-left)}`;
};

/** My tasks and my department's, with their forms: claim, release, complete. */
export async function queuePage(view: HTMLElement): Promise<Cleanup> {
  const me = tokenSubject();
  const mine = h('ul', { class: 'tasks', id: 'my-tasks' });
  const ours = h('ul', { class: 'tasks', id: 'department-tasks' });
  const detail = h('section', { class: 'task-detail', id: 'task-detail' }, h('p', {}, 'Choose a task.'));
  const status = h('p', { class: 'notice', role: 'status', id: 'queue-status' });
  replace(
    view,
    h('h1', {}, 'Work queue'),
    status,
    h(
      'div',
      { class: 'queue' },
      h('div', { class: 'lists' }, h('h2', {}, 'Assigned to me'), mine, h('h2', {}, 'Offered to my department or role'), ours),
      detail,
    ),
  );
  let selected: string | null = null;

  const act = async (mutation: string, task: QueueTask) => {
    try {
      const data = await gql<Record<string, QueueTask>>(mutation, { id: task.id, version: task.version });
      const updated = Object.values(data)[0];
      await load();
      if (updated) show(updated);
    } catch (err) {
      notice(status, messageOf(err), 'error');
    }
  };

  const show = (task: QueueTask) => {
    selected = task.id;
    const claimedByOther = task.assignee !== null && task.assignee.code !== me;
    replace(
      detail,
      h('h2', {}, task.name ?? task.elementId),
      h(
        'dl',
        {},
        h('dt', {}, 'Process'),
        h('dd', {}, `${task.instance.processKey} (${task.instance.businessKey ?? 'no business key'})`),
        h('dt', {}, 'Offered to'),
        h('dd', {}, [task.candidateDepartment, task.candidateRole].filter(Boolean).join(', ') || '—'),
        h('dt', {}, 'Assignee'),
        h('dd', { id: 'task-assignee' }, task.assignee ? `${task.assignee.name} (${task.assignee.code})` : 'nobody yet'),
        h('dt', {}, 'Due'),
        h('dd', {}, task.dueAt ? `${when(task.dueAt)} (${due(task, Date.now())})` : '—'),
      ),
      h(
        'div',
        { class: 'actions' },
        task.assignee === null ? h('button', { type: 'button', id: 'claim-task', onclick: () => void act(CLAIM, task) }, 'Claim') : null,
        task.assignee?.code === me
          ? h('button', { type: 'button', id: 'unclaim-task', onclick: () => void act(UNCLAIM, task) }, 'Release')
          : null,
      ),
      claimedByOther
        ? h('p', {}, 'Someone else has claimed this task.')
        : taskForm(task, () => {
            selected = null;
            void load();
          }),
    );
  };

  const item = (task: QueueTask) =>
    h(
      'li',
      { 'data-task-id': task.id, class: task.overdue ? 'overdue' : '' },
      h(
        'button',
        { type: 'button', class: 'task-link', onclick: () => show(task) },
        h('strong', {}, task.name ?? task.elementId),
        ' ',
        h('span', { class: 'muted' }, task.instance.processKey),
        ' ',
        h('span', { class: 'due' }, due(task, Date.now())),
        task.assignee ? h('span', { class: 'muted' }, ` · ${task.assignee.code}`) : null,
      ),
    );

  const load = async () => {
    try {
      const data = await gql<{ mine: QueueTask[]; ours: QueueTask[] }>(QUEUE_QUERY);
      // A task I claimed is still offered to my department: it is listed once, as mine.
      data.ours = data.ours.filter((t) => !data.mine.some((m) => m.id === t.id));
      replace(mine, ...(data.mine.length ? data.mine.map(item) : [h('li', { class: 'empty' }, 'Nothing assigned to you.')]));
      replace(ours, ...(data.ours.length ? data.ours.map(item) : [h('li', { class: 'empty' }, 'Nothing offered to your department.')]));
      notice(status, `${data.mine.length} assigned to you, ${data.ours.length} offered to your department.`);
      const still = [...data.mine, ...data.ours].find((t) => t.id === selected);
      if (selected && !still) replace(detail, h('p', {}, 'That task is no longer open.'));
    } catch (err) {
      notice(status, messageOf(err), 'error');
    }
  };

  let pending: number | undefined;
  const stop = subscribe<{ taskChanged: { task: { id: string } | null } }>(
    TASK_CHANGED,
    {},
    () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => void load(), 200);
    },
    (message) => notice(status, `Live updates: ${message}`, 'error'),
  );
  await load();
  confirmLive()
    .then(() => {
      view.dataset.subscribed = 'true';
    })
    .catch((err: unknown) => notice(status, messageOf(err), 'error'));
  return () => {
    window.clearTimeout(pending);
    stop();
  };
}
