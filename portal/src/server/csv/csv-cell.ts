/** What a column may hand the exporter for one cell. */
export type CsvValue = string | number | boolean | Date | null | undefined | readonly string[];

/** One column of an export: its header and how to read the cell from a row. */
export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvValue };

/**
 * A cell a spreadsheet would read as a formula starts with one of these (OWASP "CSV injection"):
 * `=`, `+`, `-` and `@` start a formula; a leading tab or carriage return is dropped by some
 * programs, which then see the character after it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text (or number) written for one cell.
 *
 * Formula neutralising: a text cell that starts like a formula gets a single quote in front
 * (`=1+1` → `'=1+1`), which spreadsheets show as text and never run. Only text cells are touched:
 * a number the database holds as a number (a count, a negative balance) is written as the number,
 * so `-2` stays a number a spreadsheet can sum. A number someone typed into a text field (a vendor
 * called `-2+3`) is text to us, and text that starts like a formula is exactly what an attacker
 * would type, so it is quoted like any other. The quote is visible in the cell: a reader sees the
 * value was neutralised instead of silently losing a character.
 *
 * Dates are ISO 8601 in UTC (`2026-12-06T19:28:23.000Z`); lists are joined with `; `; empty
 * values are empty cells.
 */
export function csvCell(value: CsvValue): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return value.toISOString();
  const text = typeof value === 'string' ? value : value.join('; ');
  return FORMULA_START.test(text) ? `'${text}` : text;
}
