import type { EntityManager } from '@mikro-orm/postgresql';
import { execSql } from '../../db/plain-rows';
import { inTransaction } from '../../db/unit-of-work';
import type { Clock } from '../../shared/clock';
import type { DomainEvent, EventBus } from '../../shared/event-bus';
import type { DeadlineCalendar } from '../calendar/calendar.service';
import { HistoryAction, SubjectType } from '../history/history.enums';
import { recordHistory } from '../history/history.service';
import { SlaAlertKind, SlaClockKind, SlaClockState } from './sla.enums';
import { SlaAlertEvent } from './sla.events';
import { SlaClock } from './sla-clock.entity';

/** What a ticket's clocks count to. */
export interface ClockDeadlines {
  responseDueAt: Date;
  resolutionDueAt: Date;
  reportDueAt?: Date | null;
}

/** Where a ticket moved, for its clocks. Statuses are TMF621's, as text (the tickets module owns them). */
export interface StatusMove {
  ticketId: string;
  from: string;
  to: string;
  at: Date;
}

const FINAL = new Set(['closed', 'cancelled', 'rejected']);
const COUNTING = [SlaClockState.RUNNING, SlaClockState.PAUSED];

/**
 * Each ticket's clocks: started when it opens, paused while it waits on the customer (the due time
 * moves by the time paused, and the history says so), met when the work is done, warned and
 * breached once each by the sweep.
 */
export class SlaClockService {
  /** Told, in the sweep's transaction, of each clock just breached (an escalation task is opened). */
  onBreached: (em: EntityManager, events: DomainEvent[], breach: ClockBreach) => Promise<void> = async () => undefined;

  /** Told, in the transaction, when a ticket's deadlines moved (procedures' timers follow them). */
  onDeadlinesMoved: (em: EntityManager, ticketId: string) => Promise<void> = async () => undefined;

  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly calendar: DeadlineCalendar,
    /** when the owner is warned, as a share of the window (80: at 80%) */
    private readonly warningPercent = 80,
  ) {}

  /** The ticket's clocks, in the ticket's transaction (flushed with it). */
  start(em: EntityManager, ticketId: string, openedAt: Date, deadlines: ClockDeadlines): void {
    const clocks: [SlaClockKind, Date | null | undefined][] = [
      [SlaClockKind.RESPONSE, deadlines.responseDueAt],
      [SlaClockKind.RESOLUTION, deadlines.resolutionDueAt],
      [SlaClockKind.REPORT, deadlines.reportDueAt],
    ];
    for (const [kind, dueAt] of clocks) {
      if (!dueAt) continue;
      em.create(SlaClock, {
        ticketId,
        kind,
        startedAt: openedAt,
        dueAt,
        warnAt: this.warnAt(openedAt, dueAt),
        state: SlaClockState.RUNNING,
      });
    }
  }

  /** New deadlines (a priority or severity changed): counting clocks take them, keeping the time already paused. */
  async recompute(em: EntityManager, ticketId: string, deadlines: ClockDeadlines): Promise<void> {
    const clocks = await em.find(SlaClock, { ticketId, state: { $in: COUNTING } });
    for (const clock of clocks) {
      const due =
        clock.kind === SlaClockKind.RESPONSE
          ? deadlines.responseDueAt
          : clock.kind === SlaClockKind.RESOLUTION
            ? deadlines.resolutionDueAt
            : deadlines.reportDueAt;
      if (!due) continue;
      clock.dueAt = clock.pausedSeconds > 0 ? this.calendar.addWorkingHours(due, clock.pausedSeconds / 3600) : due;
      clock.warnAt = this.warnAt(clock.startedAt, clock.dueAt);
    }
    await em.flush();
    await this.onDeadlinesMoved(em, ticketId);
  }

  /** A deadline set anew (an extension told to the customer): the clock counts to it, and warns again. */
  async extend(em: EntityManager, ticketId: string, kind: SlaClockKind, until: Date): Promise<SlaClock> {
    const clock = await em.findOneOrFail(SlaClock, { ticketId, kind });
    clock.dueAt = until;
    clock.warnAt = this.warnAt(clock.startedAt, until);
    clock.warnedAt = null;
    await em.flush();
    await this.onDeadlinesMoved(em, ticketId);
    return clock;
  }

  /**
   * The ticket moved: answer the response, meet or reopen the resolution, pause or resume it.
   * Answers the resolution's new due time when resuming moved it.
   */
  async onMove(em: EntityManager, move: StatusMove): Promise<{ resolutionDueAt?: Date }> {
    const clocks = await em.find(SlaClock, { ticketId: move.ticketId });
    const of = (kind: SlaClockKind) => clocks.find((c) => c.kind === kind);
    const response = of(SlaClockKind.RESPONSE);
    if (move.from === 'acknowledged' && response) this.meet(response, move.at);
    const resolution = of(SlaClockKind.RESOLUTION);
    if (!resolution) return {};
    const moved = move.from === 'pending' && resolution.state === SlaClockState.PAUSED;
    if (moved) this.resume(em, resolution, move);
    if (move.to === 'pending' && resolution.state === SlaClockState.RUNNING) {
      resolution.state = SlaClockState.PAUSED;
      resolution.pausedAt = move.at;
    }
    if (move.to === 'resolved') this.meet(resolution, move.at);
    if (move.from === 'resolved' && move.to === 'inProgress' && resolution.state === SlaClockState.MET) {
      resolution.state = resolution.breachedAt ? SlaClockState.BREACHED : SlaClockState.RUNNING;
      resolution.metAt = null;
    }
    if (FINAL.has(move.to)) for (const clock of clocks) if (clock.kind !== SlaClockKind.REPORT) this.meet(clock, move.at);
    if (moved) {
      await em.flush();
      await this.onDeadlinesMoved(em, move.ticketId);
    }
    return moved ? { resolutionDueAt: resolution.dueAt } : {};
  }

  /** A report was submitted: the report clock is met. */
  async onReport(em: EntityManager, ticketId: string, at: Date): Promise<void> {
    const report = await em.findOne(SlaClock, { ticketId, kind: SlaClockKind.REPORT });
    if (report) this.meet(report, at);
  }

  /**
   * Records every warning and breach now due, once each: the statements that find them also mark
   * them, so two hubs sweeping at once never record one twice. Returns how many it found.
   */
  sweep(em: EntityManager): Promise<number> {
    const now = this.clock.now();
    return inTransaction(em, this.bus, async ({ em: trx, events }) => {
      const warned = await execSql<ClockRow>(
        trx,
        `update sla_clock c set warned_at = ? from ticket t where t.id = c.ticket_id and c.state = ? and c.warned_at is null and c.warn_at <= ?
         returning c.ticket_id, c.kind, c.due_at, t.owner_department_id`,
        [now, SlaClockState.RUNNING, now],
      );
      const breached = await execSql<ClockRow>(
        trx,
        `update sla_clock c set state = ?, breached_at = ? from ticket t join department d on d.id = t.owner_department_id
         where t.id = c.ticket_id and c.state = ? and c.due_at <= ?
         returning c.ticket_id, c.kind, c.due_at, t.owner_department_id, t.number as ticket_number, d.code as owner_department_code`,
        [SlaClockState.BREACHED, now, SlaClockState.RUNNING, now],
      );
      for (const row of warned) this.alert(trx, events, row, SlaAlertKind.WARNING, now);
      for (const row of breached) this.alert(trx, events, row, SlaAlertKind.BREACHED, now);
      await trx.flush();
      for (const row of breached) {
        await this.onBreached(trx, events, {
          ticketId: row.ticket_id,
          ticketNumber: row.ticket_number ?? '',
          kind: row.kind,
          dueAt: new Date(row.due_at),
          ownerDepartmentCode: row.owner_department_code ?? '',
        });
      }
      return warned.length + breached.length;
    });
  }

  private alert(em: EntityManager, events: DomainEvent[], row: ClockRow, alert: SlaAlertKind, now: Date): void {
    const dueAt = new Date(row.due_at);
    recordHistory(em, null, {
      subjectType: SubjectType.TICKET,
      subjectId: row.ticket_id,
      action: alert === SlaAlertKind.WARNING ? HistoryAction.SLA_WARNING : HistoryAction.SLA_BREACHED,
      at: now,
      note: `${row.kind.toLowerCase()} ${alert === SlaAlertKind.WARNING ? 'due soon' : 'overdue'}: due at ${dueAt.toISOString()}`,
    });
    events.push(new SlaAlertEvent(row.ticket_id, row.owner_department_id, row.kind, alert, dueAt, now));
  }

  private meet(clock: SlaClock, at: Date): void {
    if (clock.state === SlaClockState.MET) return;
    if (clock.state === SlaClockState.PAUSED && clock.pausedAt)
      clock.pausedSeconds += Math.round((at.getTime() - clock.pausedAt.getTime()) / 1000);
    clock.state = SlaClockState.MET;
    clock.pausedAt = null;
    clock.metAt = at;
  }

  /** The deadline moves by the working time the ticket waited on the customer (nights and holidays do not count). */
  private resume(em: EntityManager, clock: SlaClock, move: StatusMove): void {
    const paused = clock.pausedAt ? this.calendar.workingMsBetween(clock.pausedAt, move.at) : 0;
    const before = clock.dueAt;
    clock.pausedSeconds += Math.round(paused / 1000);
    clock.dueAt = this.calendar.addWorkingHours(clock.dueAt, paused / 3_600_000);
    clock.warnAt = this.calendar.addWorkingHours(clock.warnAt, paused / 3_600_000);
    clock.state = SlaClockState.RUNNING;
    clock.pausedAt = null;
    recordHistory(em, null, {
      subjectType: SubjectType.TICKET,
      subjectId: clock.ticketId,
      action: HistoryAction.UPDATED,
      at: move.at,
      changes: [{ field: 'resolutionDueAt', from: before.toISOString(), to: clock.dueAt.toISOString() }],
      note: `the resolution clock was paused ${Math.round(paused / 60_000)} working min while the ticket waited on the customer; it is due later by as much working time`,
    });
  }

  private warnAt(startedAt: Date, dueAt: Date): Date {
    return new Date(startedAt.getTime() + ((dueAt.getTime() - startedAt.getTime()) * this.warningPercent) / 100);
  }
}

interface ClockRow {
  ticket_id: string;
  kind: SlaClockKind;
  due_at: string | Date;
  owner_department_id: string;
  ticket_number?: string;
  owner_department_code?: string;
}

/** A clock the sweep found breached. */
export interface ClockBreach {
  ticketId: string;
  ticketNumber: string;
  kind: SlaClockKind;
  dueAt: Date;
  ownerDepartmentCode: string;
}
