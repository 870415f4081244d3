/** How many rows one database round trip reads for an export. */
export const EXPORT_PAGE_SIZE = 2000;

/**
 * Reads a table page by page by keyset (`where key > last key order by key limit n`): each page is
 * its own short query over an index, so no transaction or cursor stays open while a slow client
 * downloads, and it works the same on PostgreSQL and PGlite. Stops at the first short page.
 */
export async function* keysetPages<Row, Key>(
  fetchPage: (after: Key | undefined, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<Row[]> {
  let after: Key | undefined;
  for (;;) {
    const page = await fetchPage(after, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = keyOf(page[page.length - 1]!);
  }
}

/** A list read whole, as a single page (see WHOLE_REGISTER). */
export async function* onePage<Row>(load: () => Promise<Row[]>): AsyncGenerator<Row[]> {
  yield await load();
}

/** The row type of a page source. */
export type PageRow<Pages> = Pages extends AsyncIterable<(infer Row)[]> ? Row : never;

/**
 * The row cap an export passes to a register's list query (vendors, assessments, findings, AI
 * systems) as one page of the list's own keyset. Those registers hold hundreds to a few thousand
 * rows, so the export reads them whole as one page; the cap only stops a runaway table from filling
 * the memory (and keeps the follow-up `in (...)` lookups under PostgreSQL's 65,535 parameters).
 */
export const WHOLE_REGISTER = 20_000;
