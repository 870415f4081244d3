import { type Db, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';

/**
 * Bookkeeping that a refused request may legitimately write: rate-limit counters, and when a valid
 * questionnaire link was last used. Nothing else may change when the portal answers 4xx.
 */
const IGNORED_TABLES = new Set(['throttle_bucket']);
const IGNORED_COLUMNS: Record<string, string[]> = { assessment_token: ['last_used_at'] };

/** Per table, a value that changes exactly when the table's rows do. */
export type Fingerprint = Record<string, string>;

/**
 * Every table's state in one query. For most tables that is the row count and the newest `xmin` (the
 * transaction that wrote a row version): an insert or update adds a row version with a newer
 * transaction id, a delete lowers the count, so any committed write shows, and reading costs one
 * scan of a small table. Tables whose bookkeeping column may change are compared by content without
 * that column. The audit trail's length is in there too (`audit_log`).
 */
export async function dbFingerprint(db: Db): Promise<Fingerprint> {
  // The table list is read each time: ingesting events may create a partition between two calls.
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  )
    .map((r) => r.name)
    .filter((name) => !IGNORED_TABLES.has(name));
  const parts = tables.map((name) => {
    const ignored = IGNORED_COLUMNS[name];
    if (!ignored)
      return `select '${name}' as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0) as state from "${name}"`;
    const drop = ignored.map((c) => ` - '${c}'`).join('');
    return `select '${name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x, '|' order by x), '')) as state
      from (select (to_jsonb(r)${drop})::text as x from "${name}" r) s`;
  });
  const rows = rowsOf<{ name: string; state: string }>(await db.execute(sql.raw(parts.join(' union all '))));
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

/** The tables whose state differs, with their row counts before → after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name} (${before[name]?.split(':')[0]} → ${after[name]?.split(':')[0]} rows)`);
}
