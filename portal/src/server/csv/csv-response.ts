import { loggableError } from '../loggable-error';
import type { CsvColumn } from './csv-cell';
import { CSV_BOM, csvText } from './csv-text';

export type CsvExport<Row> = {
  /** The file name's stem; the download is `<stem>-<YYYY-MM-DD>.csv`. */
  name: string;
  /** The day the file is dated (UTC). */
  at: Date;
  columns: readonly CsvColumn<Row>[];
  pages: AsyncIterable<Row[]>;
};

const encoder = new TextEncoder();

/**
 * Streams an export as a CSV download. The body is a pull stream: the next page is read from the
 * database only when the client has taken the previous one, so a slow download holds at most one
 * page in memory however long the table is (backpressure), and a client that goes away stops the
 * reading.
 */
export function csvResponse<Row>(csv: CsvExport<Row>): Response {
  const pages = csv.pages[Symbol.asyncIterator]();
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvText(csv.columns, [], true)));
          return;
        }
        try {
          const next = await pages.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(csvText(csv.columns, next.value)));
        } catch (error) {
          // The headers are gone already: the client sees a cut-off download, the log says why
          // (without the failed query's values: printing the error object would print them).
          console.error(`CSV export ${csv.name} failed: ${loggableError(error)}`);
          controller.error(error);
        }
      },
      async cancel() {
        await pages.return?.(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.name}-${csv.at.toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
