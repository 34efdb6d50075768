/** A ticket's SLA clock as the board reads it. */
export interface ClockInput {
  kind: string;
  state: string;
  dueAt: string;
  warnAt: string;
  pausedAt?: string | null;
  metAt?: string | null;
  breachedAt?: string | null;
}

export type ClockLevel = 'ok' | 'warning' | 'breached' | 'paused' | 'met';

export interface ClockView {
  level: ClockLevel;
  text: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, '0');

/** A span as people read a countdown: "2d 03h", "3h 05m", "4m 09s". */
export function formatSpan(ms: number): string {
  const span = Math.max(0, Math.floor(ms / 1000)) * 1000;
  if (span >= DAY) return `${Math.floor(span / DAY)}d ${pad(Math.floor((span % DAY) / HOUR))}h`;
  if (span >= HOUR) return `${Math.floor(span / HOUR)}h ${pad(Math.floor((span % HOUR) / MINUTE))}m`;
  return `${Math.floor(span / MINUTE)}m ${pad(Math.floor((span % MINUTE) / 1000))}s`;
}

/**
 * What one clock shows at `now`: counting down to its due time, warned from its warning time,
 * breached once due (or when the hub says so), paused while the ticket waits on the customer.
 */
export function clockView(clock: ClockInput, now: number): ClockView {
  const due = Date.parse(clock.dueAt);
  if (clock.state === 'MET') return { level: 'met', text: clock.breachedAt ? 'met late' : 'met' };
  if (clock.state === 'PAUSED')
    return { level: 'paused', text: `paused, ${formatSpan(due - Date.parse(clock.pausedAt ?? clock.dueAt))} left` };
  if (clock.state === 'BREACHED' || now >= due) return { level: 'breached', text: `late by ${formatSpan(now - due)}` };
  return { level: now >= Date.parse(clock.warnAt) ? 'warning' : 'ok', text: `due in ${formatSpan(due - now)}` };
}

const SEVERITY: Record<ClockLevel, number> = { met: 0, paused: 1, ok: 2, warning: 3, breached: 4 };

/** The worst of a ticket's clocks: what its row is highlighted with. */
export function worstLevel(clocks: readonly ClockInput[], now: number): ClockLevel {
  let worst: ClockLevel = 'met';
  for (const clock of clocks) {
    const level = clockView(clock, now).level;
    if (SEVERITY[level] > SEVERITY[worst]) worst = level;
  }
  return worst;
}
