import { type Db, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';

export type RollupIdentity = { personIdx: number; browserIdx: number };

/** Who a browser's usage counts as: its user key, or the browser itself when no user is known. */
export const personKeyOf = (dev: { id: string; userKey: string | null }) => dev.userKey ?? dev.id;

/**
 * Numbers only change by being created, so each process keeps the ones it has seen, per database
 * handle. Bounded by the fleet's browsers (a few bytes each); a number is cached only once committed.
 */
const knownByDb = new WeakMap<object, Map<string, RollupIdentity>>();

function knownIn(db: Db): Map<string, RollupIdentity> {
  let known = knownByDb.get(db);
  if (!known) {
    known = new Map();
    knownByDb.set(db, known);
  }
  return known;
}

/**
 * The presence-bitmap numbers of a browser and its person, created on first use. Runs on its own,
 * outside the ingest transaction: a number handed out in a transaction that then rolled back would
 * leave the process using one the database never kept. `where not exists` before inserting keeps the
 * identity sequence dense (ON CONFLICT alone burns a number on every call, stretching the bitmaps).
 */
export async function rollupIdentity(
  db: Db,
  dev: { id: string; userKey: string | null },
): Promise<RollupIdentity> {
  const person = personKeyOf(dev);
  const cacheKey = `${dev.id}|${person}`;
  const known = knownIn(db);
  const cached = known.get(cacheKey);
  if (cached) return cached;
  for (let attempt = 0; attempt < 3; attempt++) {
    const [row] = rowsOf<{ person_idx: number | null; browser_idx: number | null }>(
      await db.execute(sql`
        with new_person as (
          insert into usage_person (person_key)
          select ${person}::text where not exists (select 1 from usage_person where person_key = ${person}::text)
          on conflict (person_key) do nothing returning idx),
        new_browser as (
          insert into usage_browser (device_id)
          select ${dev.id}::uuid where not exists (select 1 from usage_browser where device_id = ${dev.id}::uuid)
          on conflict (device_id) do nothing returning idx)
        select coalesce((select idx from new_person), (select idx from usage_person where person_key = ${person}::text)) as person_idx,
          coalesce((select idx from new_browser), (select idx from usage_browser where device_id = ${dev.id}::uuid)) as browser_idx`),
    );
    // Null only when another instance created the row while this statement ran (its snapshot predates
    // that commit); the next statement sees it.
    if (row?.person_idx != null && row.browser_idx != null) {
      const identity = { personIdx: Number(row.person_idx), browserIdx: Number(row.browser_idx) };
      known.set(cacheKey, identity);
      return identity;
    }
  }
  throw new Error('could not number the browser for the usage rollups');
}

/** After the numbering is rebuilt, numbers cached for this database are stale. */
export function forgetRollupIdentities(db: Db): void {
  knownByDb.delete(db);
}
