import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { keysetPages } from './keyset-pages';

/** Where the previous page ended: its last row's timestamp, exact to the microsecond, and id. */
export type NewestFirstKey = { atKey: string; id: string };

/** The exact timestamp to select beside the row: a JS Date would drop the microseconds. */
export const exactTimestamp = (at: AnyColumn) => sql<string>`${at}::text`;

/**
 * Pages of a table newest first by `(at, id)`: each page asks for the rows before the last one seen
 * with a row comparison, so ties on the timestamp neither repeat nor drop a row. The timestamp is
 * carried as PostgreSQL's own text, since a JS Date would cut microseconds and skip rows.
 *
 * The tables read this way (devices, access requests) have no index on the timestamp, so each page
 * is a scan with a top-N sort: linear in the table, fine at the tens of thousands of rows they hold.
 */
export function newestFirstPages<Row extends NewestFirstKey>(
  at: AnyColumn,
  id: AnyColumn,
  fetchPage: (before: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>,
) {
  return keysetPages<Row, NewestFirstKey>(
    (after, limit) =>
      fetchPage(
        after && sql`(${at}, ${id}) < (${after.atKey}::timestamptz, ${after.id}::uuid)`,
        [sql`${at} desc`, sql`${id} desc`],
        limit,
      ),
    (row) => ({ atKey: row.atKey, id: row.id }),
  );
}
