import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

/** Any line break outside quotes ends a row, as Excel and Python's csv module read it. */
const strictLineEnds = ['\r\n', '\n', '\r'];

/**
 * A downloaded export checked as a spreadsheet program would open it, read back into rows. Read as
 * bytes: `Response.text()` would drop the byte order mark this checks for.
 */
export async function readCsvDownload(res: Response, fileStem: string) {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const body = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
  expect(res.status, body).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(
    new RegExp(`^attachment; filename="${fileStem}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
  );
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parse(body, { bom: true, record_delimiter: strictLineEnds }) as string[][];
  return { header: header ?? [], rows, body };
}

/** The cells of one column, by its header. */
export function column(csv: { header: string[]; rows: string[][] }, name: string): string[] {
  const index = csv.header.indexOf(name);
  expect(index, `no column "${name}" in ${csv.header.join(', ')}`).toBeGreaterThanOrEqual(0);
  return csv.rows.map((r) => r[index] ?? '');
}
