import { decodeCursor, encodeCursor, type Page } from '@sightline/shared/http/paging';
import { and, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors';
import type { SortKey } from './sort-keys';

/** PostgreSQL's own default: nulls sort as if larger than any value. */
const nullsFirst = (key: SortKey) => key.dir === 'desc';

/** The field a page query selects beside each row: its sort key as JSON text, for the next cursor. */
export const PAGE_KEY = 'pageKey';
type PageKeyField = typeof PAGE_KEY;

/** The 400 for a cursor that cannot be followed: say so, and where to start again. */
export function badCursor(reason: string): AppError {
  return new AppError('bad_request', `Invalid query: cursor ${reason}; start again from the first page`, [
    { path: 'cursor', message: reason },
  ]);
}

/** `expr = value`, where a null value matches only nulls. */
function equalTo(key: SortKey, value: SQL | null): SQL {
  return value === null ? isNull(key.expr) : sql`${key.expr} = ${value}`;
}

/** Rows that sort strictly after `value` in this one column, nulls placed as the ordering places them. */
function beyond(key: SortKey, value: SQL | null): SQL {
  if (value === null) return nullsFirst(key) ? isNotNull(key.expr) : sql`false`;
  const past = key.dir === 'asc' ? sql`${key.expr} > ${value}` : sql`${key.expr} < ${value}`;
  return key.nullable && !nullsFirst(key) ? or(past, isNull(key.expr))! : past;
}

/**
 * A list's keyset: its sort order (the id last, so the order is total) and the cursor that walks it.
 * A query selects `select` beside its columns, filters with `after(cursor)`, orders by `orderBy` and
 * asks for `limit + 1` rows; `page` then cuts the extra row and makes the next cursor from the last
 * row kept, so a list of exactly `limit` rows ends on its first page.
 */
export function keyset(list: string, keys: readonly SortKey[]) {
  const sameWay = keys.every((k) => k.dir === keys[0]!.dir && !k.nullable);
  const select = {
    [PAGE_KEY]: sql<string>`json_build_array(${sql.join(
      keys.map((k) => k.toText),
      sql`, `,
    )})::text`,
  } as Record<PageKeyField, SQL<string>>;

  const orderBy = keys.map(
    (k) => sql`${k.expr} ${sql.raw(k.dir)} nulls ${sql.raw(nullsFirst(k) ? 'first' : 'last')}`,
  );

  /** The rows after the cursor's row; undefined (no condition) without a cursor. */
  function after(cursor: string | undefined): SQL | undefined {
    if (cursor === undefined) return undefined;
    const payload = decodeCursor(cursor);
    if (!payload) throw badCursor('is not one this server gave out');
    if (payload.list !== list || payload.keys.length !== keys.length)
      throw badCursor('belongs to another list');
    const values = keys.map((key, i) => {
      const text = payload.keys[i] ?? null;
      if (text === null) {
        if (!key.nullable) throw badCursor('is not one this server gave out');
        return null;
      }
      if (!key.text.safeParse(text).success) throw badCursor('is not one this server gave out');
      return key.fromText(text);
    });
    // One row comparison when every key runs the same way: PostgreSQL can walk an index with it.
    if (sameWay) {
      const row = sql.join(
        keys.map((k) => sql`${k.expr}`),
        sql`, `,
      );
      const at = sql.join(values as SQL[], sql`, `);
      return keys[0]!.dir === 'asc' ? sql`(${row}) > (${at})` : sql`(${row}) < (${at})`;
    }
    return or(
      ...keys.map((key, i) =>
        and(...keys.slice(0, i).map((k, j) => equalTo(k, values[j]!)), beyond(key, values[i]!)),
      ),
    );
  }

  function page<Row extends Record<PageKeyField, string>>(
    rows: readonly Row[],
    limit: number,
  ): Page<Omit<Row, PageKeyField>> {
    const kept = rows.slice(0, limit);
    const last = kept[kept.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor({ list, keys: JSON.parse(last[PAGE_KEY]) as (string | null)[] })
        : null;
    return { items: kept.map(({ [PAGE_KEY]: _key, ...item }) => item), nextCursor };
  }

  return { select, orderBy, after, page };
}

export type Keyset = ReturnType<typeof keyset>;
