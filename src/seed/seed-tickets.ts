import { defaultCalendar } from '../modules/calendar/business-calendar';
import { HistoryAction, SubjectType } from '../modules/history/history.enums';
import { Role } from '../modules/org/role.enum';
import { deadlinesFor } from '../modules/tickets/sla-policy';
import { ReportKind, TicketStatus as S, TicketChannel, TicketKind, TicketPriority, TicketSeverity } from '../modules/tickets/ticket.enums';
import type { Row } from './bulk-insert';
import { complaintTitles, consultationTitles, faultTitles, genericTitles, notes } from './demo-names';
import type { Random } from './random';
import type { SeedCustomer } from './seed-customers';
import type { SeedUser } from './seed-people';

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

export interface TicketRows {
  tickets: Row[];
  links: Row[];
  history: Row[];
  reports: Row[];
  counters: Row[];
}

interface Draft {
  id: string;
  createdAt: Date;
  row: Row;
  steps: { to: S; at: Date }[];
}

/** Spreads `count` tickets over the two quarters before `now`, each with a history that makes sense. */
export function makeTickets(
  random: Random,
  count: number,
  customers: SeedCustomer[],
  users: SeedUser[],
  departments: Map<string, string>,
  now: Date,
): TicketRows {
  const staffOf = (code: string) => users.filter((u) => u.departmentCode === code && !u.roles.includes(Role.ADMIN));
  const creators = users.filter((u) => u.roles.includes(Role.RESPONSE_CENTER));
  const drafts: Draft[] = [];
  const out: TicketRows = { tickets: [], links: [], history: [], reports: [], counters: [] };
  const earliest = now.getTime() - 182 * DAY;
  for (let i = 0; i < count; i++) {
    const kind = random.weighted(kinds);
    const customer = random.pick(customers);
    const createdAt = new Date(earliest + random.next() * (now.getTime() - earliest - HOUR));
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
    const deadlines = deadlinesFor(defaultCalendar, createdAt, { kind, level: customer.level, priority, severity });
    const owner = ownerOf[kind] ?? 'KX';
    const id = random.uuid();
    const steps = walkStatuses(random, createdAt, deadlines.responseDueAt, deadlines.resolutionDueAt, now);
    const last = steps.at(-1);
    const at = (to: S) => steps.find((s) => s.to === to)?.at ?? null;
    drafts.push({
      id,
      createdAt,
      steps,
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
        updated_at: last?.at ?? createdAt,
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
    addHistory(random, draft, out, now);
  }
  for (const [year, last] of perYear) out.counters.push({ year, last });
  return out;
}

/** acknowledged -> inProgress (-> pending -> inProgress) -> resolved -> closed, cut off at `now`. */
function walkStatuses(random: Random, createdAt: Date, responseDue: Date, resolutionDue: Date, now: Date): { to: S; at: Date }[] {
  const steps: { to: S; at: Date }[] = [];
  const created = createdAt.getTime();
  const late = random.chance(0.12);
  const span = Math.max(resolutionDue.getTime() - created, HOUR);
  const respond = created + (responseDue.getTime() - created) * (late ? 1.3 : 0.2 + random.next() * 0.7);
  if (random.chance(0.03)) return fits([{ to: random.pick([S.rejected, S.cancelled]), at: new Date(respond) }], now);
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
  return fits(steps, now);
}

const fits = (steps: { to: S; at: Date }[], now: Date) => steps.filter((s) => s.at.getTime() < now.getTime());

function addHistory(random: Random, draft: Draft, out: TicketRows, now: Date): void {
  const actor = draft.row.created_by_id as string;
  const events: Row[] = [];
  const event = (at: Date, action: HistoryAction, changes: unknown[], note: string | null) =>
    events.push({
      subject_type: SubjectType.TICKET,
      subject_id: draft.id,
      at,
      actor_id: actor,
      action,
      changes: JSON.stringify(changes),
      note,
    });
  event(draft.createdAt, HistoryAction.CREATED, [], null);
  let from: S = S.acknowledged;
  for (const step of draft.steps) {
    if (random.chance(0.25) && step.at.getTime() - 60_000 > draft.createdAt.getTime()) {
      event(new Date(step.at.getTime() - 60_000), HistoryAction.NOTE_ADDED, [], random.pick(notes));
    }
    event(step.at, HistoryAction.TRANSITIONED, [{ field: 'status', from, to: step.to }], null);
    from = step.to;
  }
  const resolvedAt = draft.row.resolved_at as Date | null;
  const reportKind =
    draft.row.kind === TicketKind.FAULT ? ReportKind.FAULT : draft.row.kind === TicketKind.CIRCUIT_DISPATCH ? ReportKind.TEST : null;
  const submittedAt = resolvedAt ? new Date(resolvedAt.getTime() + (2 + random.next() * 70) * HOUR) : null;
  if (reportKind && submittedAt && submittedAt.getTime() < now.getTime() && random.chance(0.9)) {
    addReport(random, draft, out, reportKind, submittedAt);
    event(submittedAt, HistoryAction.REPORT_SUBMITTED, [], `${reportKind} report`);
  }
  // Ids order history: insert in time order so "the last 5 events" are the newest five.
  events.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  out.history.push(...events);
}

function addReport(random: Random, draft: Draft, out: TicketRows, reportKind: ReportKind, submittedAt: Date): void {
  const due = draft.row.report_due_at as Date | null;
  out.reports.push({
    id: random.uuid(),
    ticket_id: draft.id,
    kind: reportKind,
    title: `${draft.row.number} ${reportKind === ReportKind.FAULT ? '故障报告' : '测试报告'}`,
    content: reportKind === ReportKind.FAULT ? '故障原因、处理过程与预防措施见附件。' : '开通测试全部通过，测试记录见附件。',
    submitted_by_id: draft.row.assignee_id,
    submitted_at: submittedAt,
    on_time: !due || submittedAt.getTime() <= due.getTime(),
    created_at: submittedAt,
    updated_at: submittedAt,
    version: 1,
  });
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
