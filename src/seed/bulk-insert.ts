import type { EntityManager } from '@mikro-orm/postgresql';

export type Row = Record<string, string | number | boolean | Date | null>;

/** Inserts rows in multi-row statements (1,000 a statement) inside the caller's transaction. */
export async function bulkInsert(em: EntityManager, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const knex = em.getKnex();
  const trx = em.getTransactionContext();
  for (let i = 0; i < rows.length; i += 1000) {
    const query = knex(table).insert(rows.slice(i, i + 1000));
    await (trx ? query.transacting(trx) : query);
  }
}
