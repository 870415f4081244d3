import { type Column, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';

/**
 * One column of a list's sort order, as the keyset needs it: how to read the value out as text for
 * the cursor, how to turn the cursor's text back into the column's type, and which text a cursor may
 * hold for it (anything else is refused before it reaches the database, so a forged cursor is a 400,
 * never a failed cast).
 */
export type SortKey = {
  expr: SQL | Column;
  dir: 'asc' | 'desc';
  nullable: boolean;
  /** The value as the text a cursor carries. */
  toText: SQL;
  /** The cursor's text as a value of the column's type. */
  fromText: (text: string) => SQL;
  text: z.ZodType<string>;
};

type Dir = SortKey['dir'];

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `YYYY-MM-DD`, a day that exists. */
const dayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => isRealDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))));

/** An instant in UTC to the microsecond, as `to_char` writes it below (whatever the server's DateStyle). */
const instantText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/)
  .refine((s) => dayText.safeParse(s.slice(0, 10)).success);

const uuidText = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

const bigintText = z.string().regex(/^-?\d{1,18}$/);

const intText = z
  .string()
  .regex(/^-?\d{1,10}$/)
  .refine((s) => Math.abs(Number(s)) <= 2 ** 31 - 1);

// NUL cannot be stored in PostgreSQL text, and a lone surrogate is no text at all.
const plainText = z
  .string()
  .max(1000)
  .refine((s) => !s.includes('\u0000') && !/\p{Cs}/u.test(s));

const nullableOf = (expr: SQL | Column) => !('notNull' in expr && expr.notNull);

export const sortKeys = {
  /** A `timestamp with time zone`, exact to the microsecond (a JS Date would drop them and skip rows). */
  instant: (column: Column, dir: Dir): SortKey => ({
    expr: column,
    dir,
    nullable: nullableOf(column),
    toText: sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    fromText: (text) => sql`${text}::timestamptz`,
    text: instantText,
  }),
  day: (column: Column, dir: Dir): SortKey => ({
    expr: column,
    dir,
    nullable: nullableOf(column),
    toText: sql`to_char(${column}, 'YYYY-MM-DD')`,
    fromText: (text) => sql`${text}::date`,
    text: dayText,
  }),
  uuid: (column: Column, dir: Dir): SortKey => ({
    expr: column,
    dir,
    nullable: nullableOf(column),
    toText: sql`${column}::text`,
    fromText: (text) => sql`${text}::uuid`,
    text: uuidText,
  }),
  integer: (column: Column, dir: Dir): SortKey => ({
    expr: column,
    dir,
    nullable: nullableOf(column),
    toText: sql`${column}::text`,
    fromText: (text) => sql`${text}::integer`,
    text: intText,
  }),
  bigint: (column: Column, dir: Dir): SortKey => ({
    expr: column,
    dir,
    nullable: nullableOf(column),
    toText: sql`${column}::text`,
    fromText: (text) => sql`${text}::bigint`,
    text: bigintText,
  }),
  /** Text in the database's collation (the comparison uses the same one as the ordering). */
  text: (expr: SQL | Column, dir: Dir, nullable = nullableOf(expr)): SortKey => ({
    expr,
    dir,
    nullable,
    toText: sql`${expr}::text`,
    fromText: (text) => sql`${text}::text`,
    text: plainText,
  }),
  /** A PostgreSQL enum: ordered as the enum declares its values, not alphabetically. */
  enumOf: (column: Column & { enumValues: string[] | undefined }, dir: Dir): SortKey => {
    const values = column.enumValues ?? [];
    return {
      expr: column,
      dir,
      nullable: nullableOf(column),
      toText: sql`${column}::text`,
      fromText: (text) => sql`${text}::${sql.raw(`"${column.getSQLType()}"`)}`,
      text: z.string().refine((s) => values.includes(s)),
    };
  },
};
