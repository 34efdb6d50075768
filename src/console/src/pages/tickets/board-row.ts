import { h, when } from '../../lib/dom';
import { clockView, worstLevel } from '../../shared/sla';
import type { BoardTicket } from './ticket-query';

const CLOCKS = ['RESPONSE', 'RESOLUTION', 'REPORT'] as const;

/** One ticket's row; its countdowns are redrawn by `tick`. */
export function ticketRow(ticket: BoardTicket): HTMLTableRowElement {
  const row = h(
    'tr',
    { 'data-ticket-id': ticket.id, 'data-number': ticket.number },
    h('td', { class: 'number' }, ticket.number),
    h('td', { class: 'title' }, ticket.title),
    h('td', {}, ticket.kind),
    h(
      'td',
      {},
      ticket.customer.name,
      ' ',
      h('span', { class: `level level-${ticket.customer.serviceLevel.toLowerCase()}` }, ticket.customer.serviceLevel),
    ),
    h('td', {}, ticket.ownerDepartment.name),
    h('td', { class: 'status' }, ticket.status),
    ...CLOCKS.map((kind) => h('td', { class: 'clock', 'data-clock': kind })),
    h('td', { class: 'updated' }, when(ticket.updatedAt)),
  );
  tick(row, ticket, Date.now());
  return row;
}

/** Redraws the countdowns and the row's warning or breach highlight at `now`. */
export function tick(row: HTMLTableRowElement, ticket: BoardTicket, now: number): void {
  for (const kind of CLOCKS) {
    const cell = row.querySelector<HTMLElement>(`td[data-clock="${kind}"]`);
    if (!cell) continue;
    const clock = ticket.slaClocks.find((c) => c.kind === kind);
    if (!clock) {
      cell.textContent = '—';
      cell.className = 'clock';
      continue;
    }
    const view = clockView(clock, now);
    cell.textContent = view.text;
    cell.className = `clock clock-${view.level}`;
    cell.title = `due ${when(clock.dueAt)}, warning from ${when(clock.warnAt)}`;
  }
  const level = worstLevel(ticket.slaClocks, now);
  row.classList.toggle('sla-warning', level === 'warning');
  row.classList.toggle('sla-breached', level === 'breached');
}
