import { encodeCursor, PAGE_SIZE_MAX } from '@sightline/shared/http/paging';
import { expect, it } from 'vitest';

/** One paged list of the API, as a boundary test drives it. */
export type PagedListProbe = {
  /** GET the list with this query string (`limit=3&cursor=…`), as a signed-in user would. */
  get: (query: string) => Promise<Response>;
  /** Adds `n` rows whose sort keys are all the same (only their ids differ). */
  addTied: (n: number) => Promise<void>;
  /** Adds one row that sorts before every row there is (such as a newer one), returning its id. */
  addFirst: () => Promise<string>;
  /**
   * Adds one row that sorts after every row there is, returning its id; absent for a list where a
   * new row always sorts first (the audit trail).
   */
  addLast?: () => Promise<string>;
  /** How an item is identified, when not by `id`. */
  idOf?: (item: Record<string, unknown>) => string;
};

type PageBody = { items: Record<string, unknown>[]; nextCursor: string | null };

/**
 * The page-boundary tests every paged list must pass, against the real API and database: a list of
 * exactly `limit` rows, limit + 1, equal sort keys across page edges, rows added between pages, and
 * bad paging input. `probe` is called inside each test (after the suite's `beforeAll`).
 */
export function pageBoundaryTests(probe: () => PagedListProbe) {
  const idOf = (item: Record<string, unknown>) => probe().idOf?.(item) ?? String(item.id);

  async function page(limit: number, cursor?: string | null): Promise<PageBody> {
    const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await probe().get(query);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as PageBody;
  }

  /** Every page from `cursor` on, as lists of ids. */
  async function rest(limit: number, cursor: string | null): Promise<string[][]> {
    const pages: string[][] = [];
    while (cursor) {
      const next = await page(limit, cursor);
      pages.push(next.items.map(idOf));
      cursor = next.nextCursor;
      if (pages.length > 200) throw new Error('the list never ended');
    }
    return pages;
  }

  async function walk(limit: number): Promise<string[][]> {
    const first = await page(limit);
    return [first.items.map(idOf), ...(await rest(limit, first.nextCursor))];
  }

  /** The whole list in one page, for comparison (the probes keep lists under the largest page). */
  async function whole(): Promise<string[]> {
    const all = await page(PAGE_SIZE_MAX);
    expect(all.nextCursor, 'the list fits one largest page').toBeNull();
    return all.items.map(idOf);
  }

  it('puts exactly `limit` rows on one page, and limit + 1 rows on two', async () => {
    await probe().addTied(3);
    const all = await whole();
    const exact = await page(all.length);
    expect(exact.items.map(idOf)).toEqual(all);
    expect(exact.nextCursor).toBeNull();

    const short = await page(all.length - 1);
    expect(short.items.map(idOf)).toEqual(all.slice(0, -1));
    expect(short.nextCursor).not.toBeNull();
    const last = await page(all.length - 1, short.nextCursor);
    expect(last.items.map(idOf)).toEqual(all.slice(-1));
    expect(last.nextCursor).toBeNull();
  });

  it('walks rows with equal sort keys across page edges once each, in order', async () => {
    await probe().addTied(7);
    const all = await whole();
    for (const limit of [1, 2, 3, 5]) {
      const pages = await walk(limit);
      expect(pages.flat(), `pages of ${limit}`).toEqual(all);
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
  });

  it('neither repeats nor skips a row when rows are added between pages', async () => {
    await probe().addTied(4);
    const before = await whole();
    const first = await page(3);
    const addLast = probe().addLast;
    const added = { first: await probe().addFirst(), last: addLast ? await addLast() : undefined };
    const seen = [first.items.map(idOf), ...(await rest(3, first.nextCursor))].flat();
    expect(new Set(seen).size).toBe(seen.length);
    // A row that sorts before the cursor waits for the next reload; one after it arrives in order.
    expect(seen).toEqual(added.last ? [...before, added.last] : before);
    expect(seen).not.toContain(added.first);
    expect((await whole())[0]).toBe(added.first);
  });

  it('refuses a bad cursor or limit with 400 in the error shape', async () => {
    const cursors = [
      'not a cursor',
      'Zm9v',
      encodeCursor({ list: 'another-list', keys: ['x'] }),
      encodeCursor({ list: 'another-list', keys: ['x', '00000000-0000-4000-8000-000000000000'] }),
    ];
    const queries = [
      'limit=0',
      `limit=${PAGE_SIZE_MAX + 1}`,
      'limit=two',
      'limit=1.5',
      ...cursors.map((c) => `cursor=${encodeURIComponent(c)}`),
    ];
    for (const query of queries) {
      const res = await probe().get(query);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error?: { code?: string } };
      expect(body.error?.code, query).toBe('bad_request');
    }
  });
}
