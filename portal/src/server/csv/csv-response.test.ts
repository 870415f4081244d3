import { describe, expect, it } from 'vitest';
import type { CsvColumn } from './csv-cell';
import { csvResponse } from './csv-response';

type Row = { n: number };
const columns: CsvColumn<Row>[] = [{ header: 'N', value: (r) => r.n }];

/** A thousand pages that count how many were read, and note when the reading was stopped. */
function countedPages() {
  const seen = { pages: 0, stopped: false };
  async function* pages() {
    try {
      for (let page = 0; page < 1000; page++) {
        seen.pages++;
        yield [{ n: page }];
      }
    } finally {
      seen.stopped = true;
    }
  }
  return { seen, pages: pages() };
}

describe('a streamed CSV response', () => {
  it('reads a page only when the client takes the one before, and stops when the client goes away', async () => {
    const { seen, pages } = countedPages();
    const res = csvResponse({ name: 'numbers', at: new Date('2026-12-06T23:59:00Z'), columns, pages });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="numbers-2026-12-06.csv"');
    const reader = res.body!.getReader();
    const decode = (chunk: Uint8Array | undefined) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(chunk);
    expect(decode((await reader.read()).value)).toBe('\uFEFFN\r\n');
    expect(seen.pages).toBe(0);
    expect(decode((await reader.read()).value)).toBe('0\r\n');
    expect(decode((await reader.read()).value)).toBe('1\r\n');
    // A client that reads no further holds the database reading where it is.
    expect(seen.pages).toBe(2);
    await reader.cancel();
    expect(seen.stopped).toBe(true);
    expect(seen.pages).toBe(2);
  });
});
