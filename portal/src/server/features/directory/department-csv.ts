import {
  DEPARTMENT_MAX_LENGTH,
  type DepartmentRowProblem,
  EMAIL_MAX_LENGTH,
  importEmailSchema,
  MAX_IMPORT_ROWS,
} from '@sightline/shared/directory/department-import';
import { CsvError, parse } from 'csv-parse/sync';

/** One person's line of the file, checked: the email trimmed and in lower case. */
export type DepartmentAssignment = { email: string; department: string; manager: string | null };

export type ParsedDepartmentCsv =
  | { ok: true; assignments: DepartmentAssignment[] }
  | { ok: false; problems: DepartmentRowProblem[] };

const REQUIRED_COLUMNS = ['email', 'department'] as const;
const KNOWN_COLUMNS = ['email', 'department', 'manager'] as const;
type KnownColumn = (typeof KNOWN_COLUMNS)[number];

/** A field is one line of text: tabs, line breaks and other control characters have no place in it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why csv-parse gave up, in words that need no CSV internals (its own messages quote the data). */
const csvErrorReasons: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'text after the closing quote of a field',
  CSV_MAX_RECORD_SIZE: 'a row is far too long',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a field',
};

type RawRecord = { record: string[]; raw: string; info: { lines: number } };

/**
 * Reads a department file (header row naming `email` and `department`, optionally `manager`; other
 * columns are ignored) and checks every row before anything is written, so an admin sees every bad
 * line at once: missing or invalid email, empty or over-long department, an invalid manager address,
 * and a person listed twice. Line numbers are the file's own (the header is line 1; a row with a
 * quoted line break is numbered by its first line).
 */
export function parseDepartmentCsv(text: string): ParsedDepartmentCsv {
  // One kind of line break, so that csv-parse's line count matches what an editor shows.
  const lf = text.replace(/\r\n?/g, '\n');
  let records: RawRecord[];
  try {
    records = parse(lf, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
      max_record_size: 64 * 1024,
    }) as unknown as RawRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const reason = csvErrorReasons[error.code] ?? 'the file is not valid CSV';
    return refuse(lineAfter(lf, Number(error.bytes_records ?? 0)), `Not valid CSV: ${reason}`);
  }

  const [header, ...rows] = records;
  if (!header) return refuse(1, 'The file is empty: it needs a header row (email,department,manager)');
  const columns = columnsOf(header.record);
  if (typeof columns === 'string') return refuse(firstLineOf(header), columns);
  if (rows.length === 0) return refuse(firstLineOf(header) + 1, 'The file has a header but no people');
  if (rows.length > MAX_IMPORT_ROWS)
    return refuse(
      firstLineOf(header) + MAX_IMPORT_ROWS + 1,
      `At most ${MAX_IMPORT_ROWS.toLocaleString('en')} people per file`,
    );

  const problems: DepartmentRowProblem[] = [];
  const firstLineOfEmail = new Map<string, number>();
  const assignments: DepartmentAssignment[] = [];
  for (const row of rows) {
    const line = firstLineOf(row);
    const cell = (name: KnownColumn) => {
      const at = columns.get(name);
      return at === undefined ? '' : (row.record[at] ?? '').trim();
    };
    const email = checkEmail(cell('email'), 'email', line, problems, true);
    const manager = checkEmail(cell('manager'), 'manager', line, problems, false);
    const department = checkDepartment(cell('department'), line, problems);
    if (email) {
      const earlier = firstLineOfEmail.get(email);
      if (earlier !== undefined)
        problems.push({ line, column: 'email', reason: `duplicate email: already on line ${earlier}` });
      else firstLineOfEmail.set(email, line);
    }
    if (email && department) assignments.push({ email, department, manager });
  }
  return problems.length ? { ok: false, problems } : { ok: true, assignments };
}

function refuse(line: number, reason: string): ParsedDepartmentCsv {
  return { ok: false, problems: [{ line, column: null, reason }] };
}

/**
 * csv-parse counts a record's lines up to where it ends, and its raw text carries the blank lines
 * skipped before it and the line break after it: the record starts as many lines back as it breaks.
 */
function firstLineOf(r: RawRecord): number {
  const inside = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return r.info.lines - (inside.match(/\n/g)?.length ?? 0);
}

/**
 * The line on which the row after the last good one starts (where csv-parse gave up is the end of
 * the file for an unclosed quote, not where the quote opened): the line breaks in the first
 * `bytes` bytes, and any blank lines after them.
 */
function lineAfter(text: string, bytes: number): number {
  const data = Buffer.from(text, 'utf8');
  let line = 1;
  let i = 0;
  for (; i < Math.min(bytes, data.length); i++) if (data[i] === 0x0a) line++;
  while (data[i] === 0x0a) {
    line++;
    i++;
  }
  return line;
}

/** Where each known column is, or why the header does not do. */
function columnsOf(header: string[]): Map<KnownColumn, number> | string {
  const names = header.map((h) => h.trim().toLowerCase());
  const found = new Map<KnownColumn, number>();
  for (const [i, name] of names.entries()) {
    if (!(KNOWN_COLUMNS as readonly string[]).includes(name)) continue;
    if (found.has(name as KnownColumn)) return `The header names the column "${name}" twice`;
    found.set(name as KnownColumn, i);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !found.has(c));
  if (missing.length === 0) return found;
  if (names.some((n) => n.includes('@')))
    return 'The first row must be a header naming the columns email and department (manager is optional)';
  return `The header has no ${missing.join(' or ')} column (it needs email and department; manager is optional)`;
}

function checkEmail(
  value: string,
  column: 'email' | 'manager',
  line: number,
  problems: DepartmentRowProblem[],
  required: boolean,
): string | null {
  if (value === '') {
    if (required) problems.push({ line, column, reason: 'missing email' });
    return null;
  }
  if (value.length > EMAIL_MAX_LENGTH) {
    problems.push({ line, column, reason: `too long: at most ${EMAIL_MAX_LENGTH} characters` });
    return null;
  }
  const email = value.toLowerCase();
  if (!importEmailSchema.safeParse(email).success) {
    problems.push({
      line,
      column,
      reason: column === 'email' ? 'invalid email' : 'invalid manager email',
    });
    return null;
  }
  return email;
}

function checkDepartment(value: string, line: number, problems: DepartmentRowProblem[]): string | null {
  if (value === '') problems.push({ line, column: 'department', reason: 'empty department' });
  else if (value.length > DEPARTMENT_MAX_LENGTH)
    problems.push({
      line,
      column: 'department',
      reason: `too long: at most ${DEPARTMENT_MAX_LENGTH} characters`,
    });
  else if (CONTROL.test(value))
    problems.push({ line, column: 'department', reason: 'a line break or control character' });
  else return value;
  return null;
}
