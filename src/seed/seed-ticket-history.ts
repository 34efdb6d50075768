import { defaultCalendar } from '../modules/calendar/business-calendar';
import { HistoryAction, SubjectType } from '../modules/history/history.enums';
import { ReportKind, TicketStatus as S, TicketKind } from '../modules/tickets/ticket.enums';
import type { Row } from './bulk-insert';
import { notes } from './demo-names';
import type { Random } from './random';
import { type ClockEvent, replayClocks, type SeedMove } from './seed-clocks';

/** One seeded ticket before its history is written: its row and the moves it made. */
export interface Draft {
  id: string;
  createdAt: Date;
  row: Row;
  moves: SeedMove[];
  deadlines: { responseDueAt: Date; resolutionDueAt: Date; reportDueAt: Date | null };
}

export interface HistoryRows {
  history: Row[];
  reports: Row[];
  clocks: Row[];
}

/** The report each kind owes when its policy sets a report deadline. */
const reportKinds: Partial<Record<TicketKind, ReportKind>> = {
  [TicketKind.FAULT]: ReportKind.FAULT,
  [TicketKind.CIRCUIT_DISPATCH]: ReportKind.TEST,
  [TicketKind.HANDOVER_ACCEPTANCE]: ReportKind.TEST,
  [TicketKind.CUTOVER_NOTICE]: ReportKind.OPERATION,
  [TicketKind.EMERGENCY]: ReportKind.REVIEW,
};

const reportTitles: Record<ReportKind, string> = {
  [ReportKind.FAULT]: '故障报告',
  [ReportKind.TEST]: '测试报告',
  [ReportKind.OPERATION]: '割接操作报告',
  [ReportKind.REVIEW]: '应急事件总结',
};

// Ranks order rows of one instant as the service writes them (see seed-clocks for the clocks' own).
const RANK_CREATED = 0;
const RANK_MOVE = 2;
const RANK_AFTER = 3;

/**
 * Writes a ticket's history as the services would have: each move, notes a little after the move
 * they describe, the report, the clocks' warnings, breaches and pauses; then the row's version
 * (one per write the service makes to the ticket: moves, notes, reports) and its update time.
 */
export function addHistory(random: Random, draft: Draft, out: HistoryRows, now: Date, warnPercent: number): void {
  const actor = draft.row.created_by_id as string;
  const events: (ClockEvent & { actor: string | null })[] = [];
  const event = (at: Date, action: HistoryAction, changes: unknown[], note: string | null, rank: number) =>
    events.push({ at, action, changes, note: note ?? '', rank, actor });
  event(draft.createdAt, HistoryAction.CREATED, [], null, RANK_CREATED);
  const resolvedAt = draft.row.resolved_at as Date | null;
  const reportKind = draft.deadlines.reportDueAt ? reportKinds[draft.row.kind as TicketKind] : undefined;
  const submittedAt = resolvedAt ? new Date(resolvedAt.getTime() + (2 + random.next() * 70) * 3600_000) : null;
  const reportAt = reportKind && submittedAt && submittedAt.getTime() < now.getTime() && random.chance(0.9) ? submittedAt : null;
  draft.moves.forEach((move, i) => {
    const reason = move.to === S.rejected || move.to === S.cancelled ? random.pick(closingReasons) : null;
    event(move.at, HistoryAction.TRANSITIONED, [{ field: 'status', from: move.from, to: move.to }], reason, RANK_MOVE);
    if (!random.chance(0.25)) return;
    // A note tells what the move started, so it comes after it and before whatever comes next.
    const limit = Math.min(draft.moves[i + 1]?.at.getTime() ?? now.getTime(), now.getTime());
    const wanted = move.at.getTime() + (1 + random.next() * 29) * 60_000;
    const at = wanted < limit ? wanted : move.at.getTime() + (limit - move.at.getTime()) / 2;
    if (at - move.at.getTime() >= 1000) event(new Date(at), HistoryAction.NOTE_ADDED, [], random.pick(notes), RANK_AFTER);
  });
  if (reportKind && reportAt) {
    addReport(random, draft, out, reportKind, reportAt);
    event(
      reportAt,
      HistoryAction.REPORT_SUBMITTED,
      [],
      `${reportKind} report: ${draft.row.number} ${reportTitles[reportKind]}`,
      RANK_AFTER,
    );
  }
  const clocks = replayClocks(
    { ticketId: draft.id, openedAt: draft.createdAt, ...draft.deadlines, moves: draft.moves, reportAt, now, warnPercent },
    defaultCalendar,
    () => random.uuid(),
  );
  out.clocks.push(...clocks.rows);
  events.push(...clocks.events.map((e) => ({ ...e, actor: null })));
  draft.row.resolution_due_at = clocks.resolutionDueAt;
  // Every write through the ticket service bumps the version once and stamps updated_at; the
  // clocks' own rows (sweeps, the resume note written inside a move) do not touch the ticket.
  const writes = events.filter((e) => e.rank === RANK_MOVE || e.rank === RANK_AFTER);
  draft.row.version = 1 + writes.length;
  draft.row.updated_at = new Date(Math.max(draft.createdAt.getTime(), ...writes.map((e) => e.at.getTime())));
  // Ids order history: insert in time order so "the last 5 events" are the newest five.
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.rank - b.rank);
  out.history.push(
    ...events.map((e) => ({
      subject_type: SubjectType.TICKET,
      subject_id: draft.id,
      at: e.at,
      actor_id: e.actor,
      action: e.action,
      changes: JSON.stringify(e.changes),
      note: e.note || null,
    })),
  );
}

const closingReasons = ['非本中心受理范围，已告知客户转至属地营业厅', '重复受理，已并入原工单', '客户来电撤销，问题已自行恢复'];

function addReport(random: Random, draft: Draft, out: HistoryRows, reportKind: ReportKind, submittedAt: Date): void {
  const due = draft.deadlines.reportDueAt;
  out.reports.push({
    id: random.uuid(),
    ticket_id: draft.id,
    kind: reportKind,
    title: `${draft.row.number} ${reportTitles[reportKind]}`,
    content: reportKind === ReportKind.FAULT ? '故障原因、处理过程与预防措施见附件。' : '过程记录与结论见附件。',
    submitted_by_id: draft.row.assignee_id,
    submitted_at: submittedAt,
    on_time: !due || submittedAt.getTime() <= due.getTime(),
    created_at: submittedAt,
    updated_at: submittedAt,
    version: 1,
  });
}
