import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Hands out the next number of `year` (KX-2026-000123) inside the caller's transaction. The
 * upsert locks the year's counter row, so concurrent openings get distinct numbers and a
 * rolled-back opening gives its number back.
 */
export async function nextTicketNumber(em: EntityManager, year: number): Promise<string> {
  const rows: { last: number }[] = await em.execute(
    `insert into ticket_counter (year, last) values (?, 1)
     on conflict (year) do update set last = ticket_counter.last + 1
     returning last`,
    [year],
  );
  return `KX-${year}-${String(rows[0].last).padStart(6, '0')}`;
}

/**
 * `count` consecutive numbers of `year` in one statement (an import of historical tickets),
 * under the same counter and lock as `nextTicketNumber`.
 */
export async function nextTicketNumbers(em: EntityManager, year: number, count: number): Promise<string[]> {
  const rows: { last: number }[] = await em.execute(
    `insert into ticket_counter (year, last) values (?, ?)
     on conflict (year) do update set last = ticket_counter.last + excluded.last
     returning last`,
    [year, count],
  );
  const first = rows[0].last - count + 1;
  return Array.from({ length: count }, (_, i) => `KX-${year}-${String(first + i).padStart(6, '0')}`);
}
