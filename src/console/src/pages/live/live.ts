import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { gql, messageOf } from '../../lib/api';
import { h, notice, replace, when } from '../../lib/dom';
import { confirmLive, onConnection, subscribe } from '../../lib/live';
import { type Cleanup, hashOf } from '../../lib/router';
import { countByActivity, isOpen, type LiveInstance } from '../../shared/activity-counts';
import type { Canvas, ElementRegistry, Overlays } from '../../types/bpmn';
import { INSTANCE_CHANGED, INSTANCE_PATH, type InstancePath, LIVE_QUERY, type LiveDefinitions } from './live-query';

/** Operate-like: where the open instances of a process wait now, incidents marked, one instance's path. */
export async function livePage(view: HTMLElement, params: readonly string[]): Promise<Cleanup> {
  const [key, selectedParam] = params;
  const data = await gql<LiveDefinitions>(LIVE_QUERY, { filter: { processKey: key ?? '', statuses: ['RUNNING', 'WAITING', 'INCIDENT'] } });
  const definition = data.processDefinitions.find((d) => d.key === key);
  const status = h('p', { class: 'notice', role: 'status', id: 'live-status' });
  const liveBadge = h('span', { class: 'live-badge', id: 'live-badge' }, 'connecting…');
  const canvas = h('div', { class: 'canvas live-canvas', id: 'live-canvas' });
  const rows = h('tbody', { id: 'instance-rows' });
  const detail = h('section', { class: 'instance-detail', id: 'instance-detail' });
  replace(
    view,
    h(
      'div',
      { class: 'modeler' },
      h(
        'aside',
        {},
        h('h2', {}, 'Processes'),
        h(
          'ul',
          { class: 'definitions' },
          ...data.processDefinitions.map((d) =>
            h('li', {}, h('a', { href: hashOf('live', d.key), class: d.key === key ? 'active' : '' }, d.name ?? d.key)),
          ),
        ),
      ),
      h(
        'section',
        { class: 'editor' },
        h('h1', {}, definition ? `${definition.name ?? definition.key} · live` : 'Live processes', ' ', liveBadge),
        status,
        definition ? canvas : h('p', {}, 'Choose a process.'),
        definition
          ? h(
              'div',
              { class: 'live-lower' },
              h(
                'table',
                { class: 'instances' },
                h(
                  'thead',
                  {},
                  h('tr', {}, ...['Instance', 'Business key', 'Status', 'Version', 'Waits at', 'Updated'].map((c) => h('th', {}, c))),
                ),
                rows,
              ),
              detail,
            )
          : null,
      ),
    ),
  );
  if (!definition || !key) return () => undefined;

  const viewer = new NavigatedViewer({ container: canvas });
  const xml = definition.versions.find((v) => v.version === definition.latestVersion)?.xml ?? '';
  await viewer.importXML(xml);
  const c = viewer.get<Canvas>('canvas');
  c.zoom('fit-viewport', 'auto');
  const overlays = viewer.get<Overlays>('overlays');
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  const instances = new Map(data.processInstances.map((i) => [i.id, i]));
  let selected: string | null = selectedParam ?? null;
  let markers: { id: string; marker: string }[] = [];

  const drawCounts = () => {
    overlays.remove({ type: 'kx-count' });
    for (const shape of registry.getAll()) c.removeMarker(shape, 'kx-incident');
    for (const [id, count] of countByActivity(instances.values())) {
      if (!registry.get(id)) continue;
      if (count.incidents) c.addMarker(id, 'kx-incident');
      overlays.add(id, 'kx-count', {
        position: { bottom: 12, left: -10 },
        html: h(
          'div',
          { class: 'kx-counts', 'data-for': id },
          count.waiting ? h('span', { class: 'kx-waiting', title: 'instances waiting here now' }, String(count.waiting)) : null,
          count.incidents
            ? h('span', { class: 'kx-incidents', title: 'instances stopped here on an incident' }, String(count.incidents))
            : null,
        ),
      });
    }
    const list = [...instances.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    replace(
      rows,
      ...list.map((i) =>
        h(
          'tr',
          {
            'data-instance-id': i.id,
            class: `${i.status === 'INCIDENT' ? 'incident' : ''} ${i.id === selected ? 'selected' : ''}`,
            onclick: () => void choose(i.id),
          },
          h('td', {}, i.id.slice(0, 8)),
          h('td', {}, i.businessKey ?? ''),
          h('td', {}, i.status),
          h('td', {}, `v${i.definitionVersion}`),
          h('td', {}, i.incident?.elementId ?? i.waiting.map((w) => w.elementId).join(', ')),
          h('td', {}, when(i.updatedAt)),
        ),
      ),
    );
    notice(status, `${instances.size} open instance${instances.size === 1 ? '' : 's'}${instances.size >= 100 ? ' (the newest 100)' : ''}.`);
  };

  const drawPath = (path: InstancePath | null) => {
    for (const { id, marker } of markers) c.removeMarker(id, marker);
    markers = [];
    if (!path) {
      replace(detail);
      return;
    }
    const mark = (id: string, marker: string) => {
      if (!registry.get(id)) return;
      c.addMarker(id, marker);
      markers.push({ id, marker });
    };
    for (const step of path.history) mark(step.elementId, 'kx-visited');
    for (const w of path.waiting) mark(w.elementId, 'kx-current');
    replace(
      detail,
      h('h3', {}, `Instance ${path.id.slice(0, 8)} · ${path.status}`),
      path.incident
        ? h('p', { class: 'notice notice-error' }, `Incident at ${path.incident.elementId ?? 'the process'}: ${path.incident.message}`)
        : null,
      h('h4', {}, 'Path'),
      h(
        'ol',
        { class: 'path', id: 'instance-path' },
        ...path.history.map((s) =>
          h(
            'li',
            { class: s.leftAt ? '' : 'open' },
            `${s.name ?? s.elementId} (${s.type.replace('bpmn:', '')}) ${when(s.enteredAt)}${s.leftAt ? ` → ${when(s.leftAt)}` : ', here now'}`,
          ),
        ),
      ),
      h('h4', {}, 'Variables'),
      h('pre', { class: 'variables', id: 'instance-variables' }, JSON.stringify(path.variables, null, 2)),
    );
  };

  const choose = async (id: string) => {
    selected = id;
    history.replaceState(null, '', hashOf('live', key, id));
    try {
      const { processInstance } = await gql<{ processInstance: InstancePath | null }>(INSTANCE_PATH, { id });
      if (selected === id) drawPath(processInstance);
      drawCounts();
    } catch (err) {
      notice(status, messageOf(err), 'error');
    }
  };

  drawCounts();
  if (selected) await choose(selected);
  const stopConnection = onConnection((up) => {
    liveBadge.textContent = up ? 'live' : 'reconnecting…';
    liveBadge.classList.toggle('up', up);
  });
  const stop = subscribe<{ processInstanceChanged: LiveInstance | null }>(
    INSTANCE_CHANGED,
    { filter: { processKey: key } },
    ({ processInstanceChanged: i }) => {
      if (!i) return;
      if (isOpen(i)) instances.set(i.id, i);
      else instances.delete(i.id);
      drawCounts();
      if (i.id === selected) void choose(i.id);
    },
    (message) => notice(status, `Live updates: ${message}`, 'error'),
  );
  confirmLive()
    .then(() => {
      view.dataset.subscribed = 'true';
    })
    .catch((err: unknown) => notice(status, messageOf(err), 'error'));
  return () => {
    stop();
    stopConnection();
    viewer.destroy();
  };
}
