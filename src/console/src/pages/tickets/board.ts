import { gql, messageOf } from '../../lib/api';
import { h, notice, replace } from '../../lib/dom';
import { confirmLive, onConnection, subscribe } from '../../lib/live';
import type { Cleanup } from '../../lib/router';
import { OPEN_STATUSES, SERVICE_LEVELS, TICKET_KINDS } from '../../shared/hub-vocabulary';
import { tick, ticketRow } from './board-row';
import {
  BOARD_QUERY,
  type BoardFilter,
  type BoardTicket,
  onBoard,
  SLA_ALERTS,
  TICKET_CHANGED,
  TICKET_QUERY,
  ticketFilter,
} from './ticket-query';

interface BoardData {
  departments: { id: string; name: string; code: string }[];
  tickets: { totalCount: number; edges: { node: BoardTicket }[] };
}

const options = (all: string, values: readonly (readonly [string, string])[], selected: string) => [
  h('option', { value: '' }, all),
  ...values.map(([value, label]) => h('option', { value, selected: value === selected }, label)),
];

/** Tickets by kind, level and department, their SLA clocks counting down, kept current over graphql-ws. */
export async function boardPage(view: HTMLElement): Promise<Cleanup> {
  const filter: BoardFilter = { kind: '', level: '', departmentId: '', open: true };
  const tickets = new Map<string, BoardTicket>();
  const rows = new Map<string, HTMLTableRowElement>();
  const body = h('tbody', { id: 'board-rows' });
  const status = h('p', { class: 'notice', role: 'status', id: 'board-status' });
  const liveBadge = h('span', { class: 'live-badge', id: 'live-badge' }, 'connecting…');
  const count = h('span', { class: 'count', id: 'board-count' });
  const kind = h(
    'select',
    { id: 'filter-kind', name: 'kind' },
    ...options(
      'every kind',
      TICKET_KINDS.map((k) => [k, k]),
      '',
    ),
  );
  const level = h(
    'select',
    { id: 'filter-level', name: 'level' },
    ...options(
      'every level',
      SERVICE_LEVELS.map((l) => [l, l]),
      '',
    ),
  );
  const department = h('select', { id: 'filter-department', name: 'department' }, h('option', { value: '' }, 'every department'));
  const openOnly = h('input', { type: 'checkbox', id: 'filter-open', checked: true });
  replace(
    view,
    h('h1', {}, 'Ticket board'),
    h(
      'form',
      { class: 'filters', id: 'board-filters' },
      h('label', {}, 'Kind ', kind),
      h('label', {}, 'Service level ', level),
      h('label', {}, 'Department ', department),
      h('label', {}, openOnly, ' open tickets only'),
      count,
      liveBadge,
    ),
    status,
    h(
      'table',
      { class: 'board' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Number', 'Title', 'Kind', 'Customer', 'Department', 'Status', 'Response', 'Resolution', 'Report', 'Updated'].map((c) =>
            h('th', {}, c),
          ),
        ),
      ),
      body,
    ),
  );

  const order = () => {
    const due = (t: BoardTicket) => t.slaClocks.find((c) => c.kind === 'RESOLUTION')?.dueAt ?? '';
    const sorted = [...tickets.values()].sort((a, b) => due(a).localeCompare(due(b)));
    body.replaceChildren(...sorted.map((t) => rows.get(t.id)).filter((r): r is HTMLTableRowElement => r !== undefined));
    count.textContent = `${tickets.size} shown`;
  };

  const upsert = (ticket: BoardTicket, flash: boolean) => {
    if (!onBoard(ticket, filter, OPEN_STATUSES)) {
      tickets.delete(ticket.id);
      rows.get(ticket.id)?.remove();
      rows.delete(ticket.id);
      count.textContent = `${tickets.size} shown`;
      return;
    }
    const row = ticketRow(ticket);
    if (flash) row.classList.add('flash');
    tickets.set(ticket.id, ticket);
    rows.set(ticket.id, row);
    order();
  };

  let stopLive: (() => void)[] = [];
  const listen = () => {
    for (const stop of stopLive) stop();
    const subscriptionFilter = {
      ...(filter.kind ? { kinds: [filter.kind] } : {}),
      ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    };
    const failed = (message: string) => notice(status, `Live updates: ${message}`, 'error');
    stopLive = [
      subscribe<{ ticketChanged: { ticket: BoardTicket | null } }>(
        TICKET_CHANGED,
        { filter: subscriptionFilter },
        ({ ticketChanged }) => {
          if (ticketChanged.ticket) upsert(ticketChanged.ticket, true);
        },
        failed,
      ),
      subscribe<{ slaAlerts: { ticketId: string } }>(
        SLA_ALERTS,
        { filter: filter.departmentId ? { ownerDepartmentId: filter.departmentId } : {} },
        ({ slaAlerts }) => {
          gql<{ ticket: BoardTicket | null }>(TICKET_QUERY, { id: slaAlerts.ticketId })
            .then(({ ticket }) => ticket && upsert(ticket, true))
            .catch((err: unknown) => notice(status, messageOf(err), 'error'));
        },
        failed,
      ),
    ];
    // Tests and wall screens alike can tell when changes will arrive: the board says it is subscribed.
    view.dataset.subscribed = 'false';
    confirmLive()
      .then(() => {
        view.dataset.subscribed = 'true';
      })
      .catch((err: unknown) => failed(messageOf(err)));
  };

  let loaded = false;
  const load = async () => {
    notice(status, 'Loading…');
    try {
      const data = await gql<BoardData>(BOARD_QUERY, { filter: ticketFilter(filter, OPEN_STATUSES) });
      if (!loaded) {
        department.append(...data.departments.map((d) => h('option', { value: d.id }, `${d.name} (${d.code})`)));
        loaded = true;
      }
      tickets.clear();
      rows.clear();
      for (const { node } of data.tickets.edges) {
        tickets.set(node.id, node);
        rows.set(node.id, ticketRow(node));
      }
      order();
      const more = data.tickets.totalCount - data.tickets.edges.length;
      notice(status, more > 0 ? `The ${data.tickets.edges.length} due soonest of ${data.tickets.totalCount}.` : '', 'info');
    } catch (err) {
      notice(status, messageOf(err), 'error');
    }
  };

  const changed = () => {
    filter.kind = kind.value;
    filter.level = level.value;
    filter.departmentId = department.value;
    filter.open = openOnly.checked;
    listen();
    void load();
  };
  for (const input of [kind, level, department, openOnly]) input.addEventListener('change', changed);

  const stopConnection = onConnection((up) => {
    liveBadge.textContent = up ? 'live' : 'reconnecting…';
    liveBadge.classList.toggle('up', up);
  });
  listen();
  await load();
  const clock = window.setInterval(() => {
    const now = Date.now();
    for (const [id, row] of rows) {
      const ticket = tickets.get(id);
      if (ticket) tick(row, ticket, now);
    }
  }, 1000);

  return () => {
    window.clearInterval(clock);
    stopConnection();
    for (const stop of stopLive) stop();
  };
}
