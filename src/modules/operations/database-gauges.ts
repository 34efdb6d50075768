import type { EntityManager } from '@mikro-orm/postgresql';
import type { Gauge } from 'prom-client';
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../shared/logger';
import { InstanceStatus } from '../processes/process.enums';
import { SlaClockState } from '../sla/sla.enums';
import type { HubMetrics } from './hub-metrics';

interface CountRow {
  key: string;
  n: string;
}

/**
 * Gauges whose truth is in the database, read when Prometheus scrapes: counting changes in this
 * process would be wrong as soon as a second hub works on the same database, or after a restart.
 * Three grouped counts over indexed columns; a database that does not answer leaves the gauges
 * empty for that scrape (absent, not a false zero) and the rest of /metrics still answers.
 */
export async function refreshDatabaseGauges(em: EntityManager, clock: Clock, metrics: HubMetrics, log: Logger): Promise<void> {
  const connection = em.getConnection();
  try {
    const [instances, clocks, [oldest]] = await Promise.all([
      connection.execute<CountRow[]>('select status as key, count(*) as n from process_instance group by status'),
      connection.execute<CountRow[]>('select state as key, count(*) as n from sla_clock group by state'),
      connection.execute<{ due_at: Date | string | null }[]>(`select min(due_at) as due_at from process_timer where status = 'PENDING'`),
    ]);
    setAll(metrics.instances, 'status', Object.values(InstanceStatus), instances);
    setAll(metrics.slaClocks, 'state', Object.values(SlaClockState), clocks);
    // The test clock or the real one: "overdue" is measured as the poller sees time.
    const overdueMs = oldest?.due_at ? clock.now().getTime() - new Date(oldest.due_at).getTime() : 0;
    metrics.timersOverdue.set(Math.max(0, overdueMs) / 1000);
  } catch (err) {
    metrics.instances.reset();
    metrics.slaClocks.reset();
    metrics.timersOverdue.reset();
    log.warn({ err }, 'metrics: the database gauges could not be read');
  }
}

/** Every known value gets a series, zero included, so a status that empties shows 0 rather than vanishing. */
function setAll<L extends string>(gauge: Gauge<L>, label: L, values: readonly string[], rows: readonly CountRow[]): void {
  const counts = new Map<string, number>(values.map((value) => [value, 0]));
  for (const row of rows) counts.set(row.key, Number(row.n));
  // Set once each, never reset first: a scrape running alongside sees old or new counts, not zeros.
  for (const [value, n] of counts) gauge.set({ [label]: value } as Partial<Record<L, string>>, n);
}
