import type { QueryBuilder } from '@mikro-orm/postgresql';
import { badInput } from '../shared/domain-error';
import { hasNulCharacter, isDateInRange, TEXT_LIMITS } from '../shared/input-checks';
import { isUuid } from './find-by-id';
import { type Row, type RowReader, statementName } from './plain-rows';

export type SortValue = string | number | Date;

/** How a list is ordered: one non-null column, then the id to break ties. */
export interface KeysetOrder<T> {
  /** the entity property, qualified with the query's alias (e.g. `t.createdAt`) */
  property: string;
  /** the same as an SQL column (e.g. `t.created_at`), for the tuple comparison */
  column: string;
  direction: 'asc' | 'desc';
  value: (row: T) => SortValue;
  /** true when the column holds timestamps, so cursors round-trip as dates */
  isDate?: boolean;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

export interface KeysetPage<T> {
  rows: T[];
  /** The cursor of a row of this page; made when asked for (most lists never read most cursors). */
  cursorOf: (row: T) => string;
  hasNextPage: boolean;
}

/** One page of a keyset-paginated list, as the database returned it. */
export interface Page<T> extends KeysetPage<T> {
  /** Counted only when the client asks for totalCount. */
  count: () => Promise<number>;
}

/** The sortable columns of a list, by the name the API gives them. */
export type KeysetOrders<T, F extends string> = Record<F, Omit<KeysetOrder<T>, 'direction'>>;

/** One raw result row of a page query, before it is read into a plain record. */
export type RawRow = Record<string, unknown>;

/**
 * A page of a filtered list, read as plain rows: `build(true)` makes the page query (joins
 * included), `build(false)` the count query, which runs only if the client asks for totalCount.
 * `raw` receives the raw rows too, for what the page query joined in.
 */
export async function pageByKeyset<E extends { id: string }, F extends string>(
  build: (forPage: boolean) => QueryBuilder<E>,
  reader: RowReader<E>,
  alias: string,
  orders: KeysetOrders<Row<E>, F>,
  page: PageRequest,
  order: { field: F; direction: 'ASC' | 'DESC' },
  raw?: (rows: RawRow[]) => void,
): Promise<Page<Row<E>>> {
  const spec = { ...orders[order.field], direction: order.direction === 'DESC' ? ('desc' as const) : ('asc' as const) };
  const qb = build(true);
  if (!raw) qb.select(`${alias}.*`);
  const found = await fetchKeysetPage<E, Row<E> & { id: string }>(qb, spec, page, alias, (rows) => {
    raw?.(rows);
    return reader.readAll(rows) as (Row<E> & { id: string })[];
  });
  // Every row of the page is one the reader made, so it carries its id.
  const cursorOf = found.cursorOf as (row: Row<E>) => string;
  return { ...found, cursorOf, count: () => build(false).getCount() };
}

/** An opaque cursor: the sort value and the id of the last row seen. */
export const encodeCursor = (value: SortValue, id: string): string =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString('base64url');

/**
 * The sort value and id a cursor holds, or BAD_USER_INPUT: the cursor comes from the client, and
 * whatever it holds goes into SQL as parameters, so each must be one PostgreSQL takes for its
 * column (a UUID, a date in range, text without NUL, a finite number).
 */
function decodeCursor(cursor: string, isDate: boolean): [SortValue, string] {
  try {
    const decoded: unknown =
      cursor.length <= TEXT_LIMITS.cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
    if (Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string' && isUuid(decoded[1])) {
      const [value, id] = decoded as [unknown, string];
      if (isDate) {
        const date = typeof value === 'string' ? new Date(value) : null;
        if (date && isDateInRange(date)) return [date, id];
      } else if (typeof value === 'string' ? !hasNulCharacter(value) : typeof value === 'number' && Number.isFinite(value)) {
        return [value as SortValue, id];
      }
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'the cursor is not one this list handed out (or it belongs to another ordering)');
}

/**
 * Fetches one page by keyset: `(column, id)` beyond the cursor, so page 500 costs what page 1
 * costs (an index on `(column, id)` serves it). Reads one row more than asked to learn whether
 * another page follows.
 */
export async function fetchKeysetPage<E extends object, T extends { id: string }>(
  qb: QueryBuilder<E>,
  order: KeysetOrder<T>,
  page: PageRequest,
  alias: string,
  read: (rows: RawRow[]) => T[],
): Promise<KeysetPage<T>> {
  if (page.after) {
    const [value, id] = decodeCursor(page.after, order.isDate ?? false);
    const op = order.direction === 'desc' ? '<' : '>';
    qb.andWhere(`(${order.column}, ${alias}.id) ${op} (?, ?)`, [value, id]);
  }
  const dir = order.direction === 'desc' ? 'DESC' : 'ASC';
  qb.orderBy([{ [order.property]: dir }, { [`${alias}.id`]: dir }] as never).limit(page.first + 1);
  // Plain rows, not entities: a list is only read, and hydrating entities cost more than the
  // query. Run as a prepared statement (one per distinct text: filters and cursor make a few).
  const query = qb.getKnexQuery();
  const found = read((await query.options({ name: statementName(query.toSQL().sql) })) as unknown as RawRow[]);
  const rows = found.slice(0, page.first);
  return {
    rows,
    cursorOf: (row) => encodeCursor(order.value(row), row.id),
    hasNextPage: found.length > page.first,
  };
}
