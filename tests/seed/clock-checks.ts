import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Each rule names tickets whose clocks disagree with their status, their moves or their report;
 * a consistent database answers none. Rules read like the SLA service: what a move, a report or
 * a sweep that never missed a beat would have left.
 */
const rules: Record<string, string> = {
  'a response and a resolution clock each': `select t.number from ticket t
    where (select count(*) from sla_clock c where c.ticket_id = t.id and c.kind in ('RESPONSE', 'RESOLUTION')) <> 2`,
  'a report clock exactly when a report is owed': `select t.number from ticket t
    where (t.report_due_at is not null) <> exists (select 1 from sla_clock c where c.ticket_id = t.id and c.kind = 'REPORT')`,
  'response met at the first move, else counting': `select t.number from ticket t join sla_clock c on c.ticket_id = t.id and c.kind = 'RESPONSE'
    where case when t.status = 'acknowledged' then c.state not in ('RUNNING', 'BREACHED') or c.met_at is not null
      else c.state <> 'MET' or c.met_at is distinct from t.responded_at end`,
  'resolution met when finished, paused when pending, counting when open': `select t.number from ticket t
    join sla_clock c on c.ticket_id = t.id and c.kind = 'RESOLUTION'
    where case when t.status in ('resolved', 'closed', 'cancelled', 'rejected') then c.state <> 'MET'
      when t.status = 'pending' then c.state not in ('PAUSED', 'BREACHED') or (c.state = 'PAUSED' and c.paused_at is null)
      else c.state not in ('RUNNING', 'BREACHED') end
      or c.due_at <> t.resolution_due_at`,
  'resolution met at resolution': `select t.number from ticket t join sla_clock c on c.ticket_id = t.id and c.kind = 'RESOLUTION'
    where t.resolved_at is not null and c.met_at is distinct from t.resolved_at`,
  'report met when submitted': `select t.number from ticket t join sla_clock c on c.ticket_id = t.id and c.kind = 'REPORT'
    where (c.state = 'MET') <> exists (select 1 from ticket_report r where r.ticket_id = t.id)`,
  'breached exactly when done late or still open past due': `select t.number from ticket t join sla_clock c on c.ticket_id = t.id
    where c.kind <> 'RESOLUTION' and (c.breached_at is not null) <> (c.due_at <= coalesce(c.met_at, ?::timestamptz))`,
  'warned exactly when the warn time came before it was met': `select t.number from ticket t join sla_clock c on c.ticket_id = t.id
    where c.kind <> 'RESOLUTION' and (c.warned_at is not null) <> (c.warn_at <= coalesce(c.met_at, ?::timestamptz))`,
  // Counted per ticket in one pass each: correlated counts over the history time out on 3000 tickets.
  'one warning row per warning, one breach row per breach': `with c as (select ticket_id, count(warned_at) as warned,
      count(breached_at) as breached from sla_clock group by ticket_id),
    h as (select subject_id, count(*) filter (where action = 'SLA_WARNING') as warned,
      count(*) filter (where action = 'SLA_BREACHED') as breached from history_event where subject_type = 'TICKET' group by subject_id)
    select t.number from ticket t join c on c.ticket_id = t.id left join h on h.subject_id = t.id
    where c.warned <> coalesce(h.warned, 0) or c.breached <> coalesce(h.breached, 0)`,
};

/** The broken rules, each with a few of the tickets that break it. */
export async function clockMismatches(orm: MikroORM, now: Date): Promise<string[]> {
  const em = orm.em.fork();
  const broken: string[] = [];
  for (const [rule, sql] of Object.entries(rules)) {
    const params = sql.includes('?') ? [now] : [];
    const rows = await em.execute<{ number: string }[]>(`${sql} limit 3`, params);
    if (rows.length) broken.push(`${rule}: ${rows.map((r) => r.number).join(', ')}`);
  }
  return broken;
}

/** How many clocks are in each notable state: a demo should show every one of them. */
export async function clockStates(orm: MikroORM): Promise<Record<'paused' | 'breached' | 'late' | 'warned' | 'reported', number>> {
  const [row] = await orm.em.fork().execute<Record<string, string>[]>(`select
    count(*) filter (where state = 'PAUSED') as paused, count(*) filter (where state = 'BREACHED') as breached,
    count(*) filter (where state = 'MET' and breached_at is not null) as late, count(*) filter (where warned_at is not null) as warned,
    count(*) filter (where kind = 'REPORT' and state = 'MET') as reported from sla_clock`);
  return {
    paused: Number(row.paused),
    breached: Number(row.breached),
    late: Number(row.late),
    warned: Number(row.warned),
    reported: Number(row.reported),
  };
}
