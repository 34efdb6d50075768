import { defaultCalendar } from '../modules/calendar/business-calendar';
import { Role } from '../modules/org/role.enum';
import { deadlinesFor } from '../modules/tickets/sla-policy';
import { TicketStatus as S, TicketChannel, TicketKind, TicketPriority, TicketSeverity } from '../modules/tickets/ticket.enums';
import type { Row } from './bulk-insert';
import { complaintTitles, consultationTitles, faultTitles, genericTitles } from './demo-names';
import type { Random } from './random';
import type { SeedCustomer } from './seed-customers';
import type { SeedUser } from './seed-people';
import { addHistory, type Draft, type HistoryRows } from './seed-ticket-history';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const kinds: [TicketKind, number][] = [
  [TicketKind.FAULT, 32],
  [TicketKind.CONSULTATION, 20],
  [TicketKind.COMPLAINT, 7],
  [TicketKind.RESOURCE_CHECK, 10],
  [TicketKind.PRESALES_SUPPORT, 6],
  [TicketKind.CIRCUIT_DISPATCH, 11],
  [TicketKind.CUTOVER_NOTICE, 7],
  [TicketKind.HANDOVER_ACCEPTANCE, 5],
  [TicketKind.EMERGENCY, 2],
];
const channels: Partial<Record<TicketKind, [TicketChannel, number][]>> = {
  FAULT: [
    [TicketChannel.PHONE, 50],
    [TicketChannel.NETWORK_ALARM, 35],
    [TicketChannel.EMAIL, 10],
    [TicketChannel.ONLINE_MESSAGE, 5],
  ],
  CONSULTATION: [
    [TicketChannel.PHONE, 50],
    [TicketChannel.EMAIL, 25],
    [TicketChannel.ONLINE_MESSAGE, 25],
  ],
  COMPLAINT: [
    [TicketChannel.PHONE, 50],
    [TicketChannel.LETTER, 10],
    [TicketChannel.VISIT, 10],
    [TicketChannel.WEB_FORUM, 10],
    [TicketChannel.EMAIL, 20],
  ],
};
const ownerOf: Partial<Record<TicketKind, string>> = { FAULT: 'OPS', RESOURCE_CHECK: 'OPS', HANDOVER_ACCEPTANCE: 'CONS' };

export interface TicketRows extends HistoryRows {
  tickets: Row[];
  links: Row[];
  counters: Row[];
}

export interface TicketPlan {
  count: number;
  /** the demo center's "today": tickets spread over the two quarters before it */
  now: Date;
  /**
   * Kinds that run a procedure now: their seeded tickets are all finished, because a ticket of
   * such a kind open without its procedure is one the hub could never have made.
   */
  settledKinds: ReadonlySet<TicketKind>;
  /** when a clock warns, as a share of its window (SLA_WARNING_PERCENT) */
  warnPercent: number;
}

/** Spreads `count` tickets over the two quarters before `now`, each with a history that makes sense. */
export function makeTickets(
  random: Random,
  plan: TicketPlan,
  customers: SeedCustomer[],
  users: SeedUser[],
  departments: Map<string, string>,
): TicketRows {
  const { now } = plan;
  const staffOf = (code: string) => users.filter((u) => u.departmentCode === code && !u.roles.includes(Role.ADMIN));
  const creators = users.filter((u) => u.roles.includes(Role.RESPONSE_CENTER));
  const drafts: Draft[] = [];
  const out: TicketRows = { tickets: [], links: [], history: [], reports: [], counters: [], clocks: [] };
  const earliest = now.getTime() - 182 * DAY;
  for (let i = 0; i < plan.count; i++) {
    const kind = random.weighted(kinds);
    const customer = random.pick(customers);
    const priority = random.weighted([
      [TicketPriority.CRITICAL, 5],
      [TicketPriority.HIGH, 20],
      [TicketPriority.MEDIUM, 55],
      [TicketPriority.LOW, 20],
    ] as const);
    const severity =
      kind === TicketKind.COMPLAINT || kind === TicketKind.EMERGENCY
        ? random.weighted([
            [TicketSeverity.ORDINARY, 80],
            [TicketSeverity.MAJOR, 17],
            [TicketSeverity.CRISIS, 3],
          ] as const)
        : null;
    const facts = { kind, level: customer.level, priority, severity };
    let createdAt = new Date(earliest + random.next() * (now.getTime() - earliest - HOUR));
    let deadlines = deadlinesFor(defaultCalendar, createdAt, facts);
    let steps = walkStatuses(random, createdAt, deadlines.responseDueAt, deadlines.resolutionDueAt);
    // A settled kind's ticket must have finished before today: opened earlier by its overshoot.
    for (let tries = 0; plan.settledKinds.has(kind) && tries < 5 && !endsBefore(steps, now); tries++) {
      const overshoot = (steps.at(-1)?.at.getTime() ?? now.getTime()) - now.getTime();
      createdAt = new Date(createdAt.getTime() - overshoot - (1 + random.next() * 13) * DAY);
      deadlines = deadlinesFor(defaultCalendar, createdAt, facts);
      steps = walkStatuses(random, createdAt, deadlines.responseDueAt, deadlines.resolutionDueAt);
    }
    steps = steps.filter((s) => s.at.getTime() < now.getTime());
    const owner = ownerOf[kind] ?? 'KX';
    const id = random.uuid();
    const last = steps.at(-1);
    const at = (to: S) => steps.find((s) => s.to === to)?.at ?? null;
    let from: S = S.acknowledged;
    const moves = steps.map((step) => {
      const move = { from, to: step.to, at: step.at };
      from = step.to;
      return move;
    });
    drafts.push({
      id,
      createdAt,
      moves,
      deadlines,
      row: {
        id,
        kind,
        channel: random.weighted(
          channels[kind] ?? [
            [TicketChannel.EMAIL, 40],
            [TicketChannel.PHONE, 30],
            [TicketChannel.INTERNAL, 30],
          ],
        ),
        title: titleFor(random, kind),
        description: '',
        customer_id: customer.id,
        priority,
        severity,
        status: last?.to ?? S.acknowledged,
        owner_department_id: departments.get(owner) ?? null,
        assignee_id: random.pick(staffOf(owner)).id,
        created_by_id: random.pick(creators).id,
        response_due_at: deadlines.responseDueAt,
        resolution_due_at: deadlines.resolutionDueAt,
        report_due_at: deadlines.reportDueAt,
        responded_at: steps[0]?.at ?? null,
        resolved_at: at(S.resolved),
        closed_at: at(S.closed),
        created_at: createdAt,
        // updated_at and version follow from the history (addHistory)
        updated_at: createdAt,
        archived_at: null,
        version: 1,
      },
    });
    for (const circuitId of pickSome(random, customer.circuitIds, kind === TicketKind.FAULT ? random.int(1, 3) : random.int(0, 1))) {
      out.links.push({ ticket_id: id, circuit_id: circuitId });
    }
  }
  drafts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const perYear = new Map<number, number>();
  for (const draft of drafts) {
    const year = new Date(draft.createdAt.getTime() + 8 * HOUR).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    draft.row.number = `KX-${year}-${String(n).padStart(6, '0')}`;
    out.tickets.push(draft.row);
    addHistory(random, draft, out, now, plan.warnPercent);
  }
  for (const [year, last] of perYear) out.counters.push({ year, last });
  return out;
}

const FINAL: readonly S[] = [S.closed, S.cancelled, S.rejected];

const endsBefore = (steps: { to: S; at: Date }[], now: Date) => {
  const last = steps.at(-1);
  return !!last && FINAL.includes(last.to) && last.at.getTime() < now.getTime();
};

/** acknowledged -> inProgress (-> pending -> inProgress) -> resolved -> closed, uncut: the caller cuts at today. */
function walkStatuses(random: Random, createdAt: Date, responseDue: Date, resolutionDue: Date): { to: S; at: Date }[] {
  const steps: { to: S; at: Date }[] = [];
  const created = createdAt.getTime();
  const late = random.chance(0.12);
  const span = Math.max(resolutionDue.getTime() - created, HOUR);
  const respond = created + (responseDue.getTime() - created) * (late ? 1.3 : 0.2 + random.next() * 0.7);
  if (random.chance(0.03)) return [{ to: random.pick([S.rejected, S.cancelled]), at: new Date(respond) }];
  steps.push({ to: S.inProgress, at: new Date(respond) });
  let t = respond;
  if (random.chance(0.15)) {
    t += span * 0.2;
    steps.push({ to: S.pending, at: new Date(t) });
    t += span * 0.2;
    steps.push({ to: S.inProgress, at: new Date(t) });
  }
  const resolveAt = created + span * (late ? 1.1 + random.next() * 0.8 : 0.3 + random.next() * 0.65);
  steps.push({ to: S.resolved, at: new Date(Math.max(resolveAt, t + 60_000)) });
  steps.push({ to: S.closed, at: new Date(Math.max(resolveAt, t + 60_000) + (4 + random.next() * 60) * HOUR) });
  return steps;
}

function titleFor(random: Random, kind: TicketKind): string {
  if (kind === TicketKind.FAULT) return random.pick(faultTitles);
  if (kind === TicketKind.CONSULTATION) return random.pick(consultationTitles);
  if (kind === TicketKind.COMPLAINT) return random.pick(complaintTitles);
  return random.pick(genericTitles[kind] ?? ['工单']);
}

function pickSome<T>(random: Random, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < n && pool.length > 0) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0]);
  return picked;
}
