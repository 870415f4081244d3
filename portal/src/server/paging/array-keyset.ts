import { decodeCursor, encodeCursor, type Page, type PageQuery } from '@sightline/shared/http/paging';
import { badCursor } from './keyset';

/**
 * The keyset of a list built in memory rather than read from one table (the catalog with each
 * service's policy): the same cursors as `keyset`, over an array sorted by `compare` on the rows'
 * keys (the id last, so the order is total). The next page starts at the first row after the
 * cursor's key, so a row added or removed meanwhile shifts nothing else.
 */
export function arrayKeyset<Row>(
  list: string,
  keyOf: (row: Row) => string[],
  compare: (a: readonly string[], b: readonly string[]) => number,
) {
  const sort = (rows: readonly Row[]) => [...rows].sort((a, b) => compare(keyOf(a), keyOf(b)));

  function page(sorted: readonly Row[], query: PageQuery): Page<Row> {
    let start = 0;
    if (query.cursor !== undefined) {
      const payload = decodeCursor(query.cursor);
      if (!payload) throw badCursor('is not one this server gave out');
      const width = sorted[0] ? keyOf(sorted[0]).length : payload.keys.length;
      if (payload.list !== list || payload.keys.length !== width) throw badCursor('belongs to another list');
      const key = payload.keys;
      if (key.some((k) => k === null)) throw badCursor('is not one this server gave out');
      const after = sorted.findIndex((row) => compare(keyOf(row), key as string[]) > 0);
      start = after === -1 ? sorted.length : after;
    }
    const items = sorted.slice(start, start + query.limit);
    const last = items[items.length - 1];
    const more = start + query.limit < sorted.length;
    return { items, nextCursor: more && last ? encodeCursor({ list, keys: keyOf(last) }) : null };
  }

  return { sort, page };
}
