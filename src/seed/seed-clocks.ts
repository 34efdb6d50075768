import { HistoryAction } from '../modules/history/history.enums';
import { SlaClockKind, SlaClockState } from '../modules/sla/sla.enums';
import { TicketStatus as S } from '../modules/tickets/ticket.enums';
import type { Row } from './bulk-insert';

/** The part of the business calendar a paused clock needs (the same arithmetic as SlaClockService.resume). */
export interface PauseCalendar {
  workingMsBetween(from: Date, to: Date): number;
  addWorkingHours(from: Date, hours: number): Date;
}

export interface SeedMove {
  from: S;
  to: S;
  at: Date;
}

/** A history row the clocks wrote (actor: the hub), ranked among rows of the same instant. */
export interface ClockEvent {
  at: Date;
  action: HistoryAction;
  changes: unknown[];
  note: string;
  /** resume rows are written inside the move's transaction (before it), alerts by a later sweep */
  rank: number;
}

export interface ClockFacts {
  ticketId: string;
  openedAt: Date;
  responseDueAt: Date;
  resolutionDueAt: Date;
  reportDueAt: Date | null;
  moves: readonly SeedMove[];
  reportAt: Date | null;
  now: Date;
  warnPercent: number;
}

export interface ClockOutcome {
  rows: Row[];
  events: ClockEvent[];
  /** the resolution due time after pauses moved it: what the ticket row shows */
  resolutionDueAt: Date;
}

export const RANK_RESUME = 1;
export const RANK_ALERT = 4;

const FINAL: readonly S[] = [S.closed, S.cancelled, S.rejected];

interface Clock {
  kind: SlaClockKind;
  dueAt: Date;
  warnAt: Date;
  state: SlaClockState;
  /** since when it has been RUNNING: a sweep after a resume finds what came due while paused */
  since: number;
  pausedAt: Date | null;
  pausedSeconds: number;
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
}

/**
 * Replays what SlaClockService does to a ticket's clocks over its seeded history: started at
 * opening, warned and breached by a sweep that never missed a beat, paused on pending, moved on
 * resume, met by the moves and the report. The same rules, so seeded rows look like lived ones.
 */
export function replayClocks(facts: ClockFacts, calendar: PauseCalendar, newId: () => string): ClockOutcome {
  const events: ClockEvent[] = [];
  const start = facts.openedAt.getTime();
  const warnAt = (due: Date) => new Date(start + ((due.getTime() - start) * facts.warnPercent) / 100);
  const make = (kind: SlaClockKind, dueAt: Date): Clock => ({
    kind,
    dueAt,
    warnAt: warnAt(dueAt),
    state: SlaClockState.RUNNING,
    since: start,
    pausedAt: null,
    pausedSeconds: 0,
    warnedAt: null,
    breachedAt: null,
    metAt: null,
  });
  const response = make(SlaClockKind.RESPONSE, facts.responseDueAt);
  const resolution = make(SlaClockKind.RESOLUTION, facts.resolutionDueAt);
  const report = facts.reportDueAt ? make(SlaClockKind.REPORT, facts.reportDueAt) : null;
  const clocks = [response, resolution, ...(report ? [report] : [])];
  const sweepUntil = (t: number) => {
    for (const clock of clocks) sweep(clock, t, events);
  };
  const happenings = [
    ...facts.moves.map((move) => ({ at: move.at, move })),
    ...(facts.reportAt ? [{ at: facts.reportAt, move: null }] : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { at, move } of happenings) {
    sweepUntil(at.getTime());
    if (!move) {
      if (report) meet(report, at);
      continue;
    }
    if (move.from === S.acknowledged) meet(response, at);
    if (move.from === S.pending && resolution.state === SlaClockState.PAUSED) resume(resolution, at, calendar, events);
    if (move.to === S.pending && resolution.state === SlaClockState.RUNNING) {
      resolution.state = SlaClockState.PAUSED;
      resolution.pausedAt = at;
    }
    if (move.to === S.resolved) meet(resolution, at);
    if (FINAL.includes(move.to)) {
      meet(response, at);
      meet(resolution, at);
    }
  }
  sweepUntil(facts.now.getTime());
  return {
    rows: clocks.map((clock) => ({
      id: newId(),
      ticket_id: facts.ticketId,
      kind: clock.kind,
      started_at: facts.openedAt,
      due_at: clock.dueAt,
      warn_at: clock.warnAt,
      state: clock.state,
      paused_at: clock.pausedAt,
      paused_seconds: clock.pausedSeconds,
      warned_at: clock.warnedAt,
      breached_at: clock.breachedAt,
      met_at: clock.metAt,
      version: 1,
    })),
    events,
    resolutionDueAt: resolution.dueAt,
  };
}

/** What the sweep would have found by `t`: a running clock past its warn time, then past its due time. */
function sweep(clock: Clock, t: number, events: ClockEvent[]): void {
  if (clock.state !== SlaClockState.RUNNING) return;
  const found = (threshold: Date) => new Date(Math.max(threshold.getTime(), clock.since));
  if (!clock.warnedAt && clock.warnAt.getTime() <= t) {
    clock.warnedAt = found(clock.warnAt);
    events.push(alert(clock, HistoryAction.SLA_WARNING, clock.warnedAt));
  }
  if (clock.dueAt.getTime() <= t) {
    clock.state = SlaClockState.BREACHED;
    clock.breachedAt = found(clock.dueAt);
    events.push(alert(clock, HistoryAction.SLA_BREACHED, clock.breachedAt));
  }
}

/** The note format of SlaClockService.alert. */
const alert = (clock: Clock, action: HistoryAction, at: Date): ClockEvent => ({
  at,
  action,
  changes: [],
  note: `${clock.kind.toLowerCase()} ${action === HistoryAction.SLA_WARNING ? 'due soon' : 'overdue'}: due at ${clock.dueAt.toISOString()}`,
  rank: RANK_ALERT,
});

function meet(clock: Clock, at: Date): void {
  if (clock.state === SlaClockState.MET) return;
  if (clock.state === SlaClockState.PAUSED && clock.pausedAt) {
    clock.pausedSeconds += Math.round((at.getTime() - clock.pausedAt.getTime()) / 1000);
  }
  clock.state = SlaClockState.MET;
  clock.pausedAt = null;
  clock.metAt = at;
}

function resume(clock: Clock, at: Date, calendar: PauseCalendar, events: ClockEvent[]): void {
  const paused = clock.pausedAt ? calendar.workingMsBetween(clock.pausedAt, at) : 0;
  const before = clock.dueAt;
  clock.pausedSeconds += Math.round(paused / 1000);
  clock.dueAt = calendar.addWorkingHours(clock.dueAt, paused / 3_600_000);
  clock.warnAt = calendar.addWorkingHours(clock.warnAt, paused / 3_600_000);
  clock.state = SlaClockState.RUNNING;
  clock.pausedAt = null;
  clock.since = at.getTime();
  events.push({
    at,
    action: HistoryAction.UPDATED,
    changes: [{ field: 'resolutionDueAt', from: before.toISOString(), to: clock.dueAt.toISOString() }],
    note: `the resolution clock was paused ${Math.round(paused / 60_000)} working min while the ticket waited on the customer; it is due later by as much working time`,
    rank: RANK_RESUME,
  });
}
