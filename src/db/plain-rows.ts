import { createHash } from 'node:crypto';
import { type Collection, type EntityManager, type EntityMetadata, type Knex, type Ref, ReferenceKind } from '@mikro-orm/postgresql';

/** A relation to one record, as a read gives it: just the id (the loaders fetch the rest). */
export interface IdRef {
  id: string;
}

/**
 * What the API reads of an entity: its columns as a plain object, relations to one as `{ id }`,
 * collections left out. Entities fit this shape too, so resolvers take either.
 */
export type Row<E> = {
  [K in keyof E as E[K] extends Collection<object> | ((...args: never[]) => unknown) ? never : K]: NonNullable<E[K]> extends Ref<object>
    ? IdRef | Exclude<E[K], Ref<object>>
    : E[K];
};

type Convert = (value: unknown) => unknown;

const toDate: Convert = (value) => (typeof value === 'string' ? new Date(value) : value);
const toText: Convert = (value) => (typeof value === 'number' || typeof value === 'bigint' ? String(value) : value);
const toRef: Convert = (value) => (value == null ? null : { id: String(value) });

/**
 * Turns rows of one table into plain objects, by the entity's metadata. Read paths use it instead
 * of hydrating entities: a page of tickets with its customers, circuits and history is ~800
 * records, and MikroORM's hydration (identity map, change tracking, accessors per property) cost
 * more than everything else the request did. Rows may come from `select *` or, joined, from
 * `to_jsonb(alias)`; timestamps arrive as text either way (MikroORM turns off pg's date parsing)
 * and become Dates here.
 */
export class RowReader<E> {
  private readonly columns: { property: string; column: string; convert: Convert | null }[];

  constructor(readonly meta: EntityMetadata<E>) {
    this.columns = meta.props
      // Lazy properties (diagram sources...) are read only where asked for, not on every row.
      .filter((prop) => prop.persist !== false && !prop.lazy && prop.fieldNames?.length === 1)
      .filter(
        (prop) =>
          prop.kind === ReferenceKind.SCALAR ||
          prop.kind === ReferenceKind.MANY_TO_ONE ||
          (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner),
      )
      .map((prop) => ({
        property: prop.name,
        column: prop.fieldNames[0],
        convert:
          prop.kind !== ReferenceKind.SCALAR ? toRef : prop.runtimeType === 'Date' ? toDate : prop.runtimeType === 'string' ? toText : null,
      }));
  }

  /** The entity's table, quoted for SQL. */
  get table(): string {
    return `"${this.meta.tableName}"`;
  }

  /** The columns it reads, for a select list (qualified with `alias` when given). */
  selectList(alias?: string): string {
    return this.columns.map(({ column }) => (alias ? `${alias}."${column}"` : `"${column}"`)).join(', ');
  }

  read(row: Record<string, unknown>): Row<E> {
    const plain: Record<string, unknown> = {};
    for (const { property, column, convert } of this.columns) {
      const value = row[column];
      plain[property] = convert ? convert(value) : value;
    }
    return plain as Row<E>;
  }

  readAll(rows: readonly Record<string, unknown>[]): Row<E>[] {
    return rows.map((row) => this.read(row));
  }
}

const readers = new WeakMap<EntityMetadata, RowReader<unknown>>();

/** The (cached) reader for an entity class. */
export function rowReader<E extends object>(em: EntityManager, entity: new () => E): RowReader<E> {
  const meta = em.getMetadata().get<E>(entity.name);
  let reader = readers.get(meta as EntityMetadata) as RowReader<E> | undefined;
  if (!reader) {
    reader = new RowReader(meta);
    readers.set(meta as EntityMetadata, reader as RowReader<unknown>);
  }
  return reader;
}

/**
 * Runs one statement with `?` placeholders sent as bind parameters, through knex (so the
 * statement is counted and logged like every other) but past MikroORM's query formatting, which
 * inlines every parameter into the text. It runs in the entity manager's transaction when it has
 * one (the embedded database has one connection: a statement beside the transaction would wait
 * forever), else on the pool. The statement is prepared under a name made from its text, so
 * PostgreSQL plans it once per connection rather than on every request (planning was a fifth of
 * the database's time on a ticket page). Read paths and the process runner use it: MikroORM's
 * unit of work cost ~1 ms of CPU per statement there, ten times the statement itself.
 */
export async function execSql<T = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  const knex = (em.getTransactionContext() as Knex.Transaction | undefined) ?? em.getKnex();
  const result: { rows: T[] } = await knex.raw(sql, [...params] as never[]).options({ name: statementName(sql) });
  return result.rows;
}

const statementNames = new Map<string, string>();

/** The name a statement is prepared under: one per distinct text. */
export function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `kx_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/** Rows of an entity's table matching an SQL condition (`?` placeholders), as plain objects. */
export async function selectRows<E extends object>(
  em: EntityManager,
  entity: new () => E,
  where: string,
  params: readonly unknown[],
  orderBy?: string,
  limit?: number,
): Promise<Row<E>[]> {
  const reader = rowReader(em, entity);
  const rows = await execSql(
    em,
    `select ${reader.selectList()} from ${reader.table} where ${where}${orderBy ? ` order by ${orderBy}` : ''}${limit ? ` limit ${limit}` : ''}`,
    params,
  );
  return reader.readAll(rows);
}

/** A uuid[] parameter: `= any(?::uuid[])` plans far faster than a long IN list. */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
