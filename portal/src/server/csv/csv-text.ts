import { stringify } from 'csv-stringify/sync';
import { type CsvColumn, csvCell } from './csv-cell';

/** UTF-8 byte order mark: tells Excel the file is UTF-8, so 深度求索 and محمد are not mangled. */
export const CSV_BOM = '\uFEFF';

/**
 * RFC 4180 text for some rows (and the header line when asked): csv-stringify quotes a cell when it
 * holds a comma or a quote, doubles inner quotes, and ends every record with CRLF. With CRLF as the
 * record end it leaves a lone LF or CR unquoted, which Excel and Python read as the end of a row, so
 * every cell with either is quoted too.
 */
export function csvText<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: readonly Row[],
  header = false,
): string {
  const records = rows.map((row) => columns.map((column) => csvCell(column.value(row))));
  if (header) records.unshift(columns.map((column) => column.header));
  return stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
