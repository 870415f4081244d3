import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';

/** Months ahead of the current one that always have a partition, so no day's events wait in default. */
export const MONTHS_AHEAD = 2;
/** Serialises partition changes across instances (creating and dropping months). */
const PARTITION_LOCK_KEY = 424243;
const PREFIX = 'usage_event_p';

export type EventPartition = { name: string; from: Date; to: Date };

/** The first instant (UTC) of the month `offset` months after the one holding `at`. */
export function monthStart(at: Date, offset = 0): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
}

export function partitionName(month: Date): string {
  return `${PREFIX}${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The monthly partitions of usage_event, oldest first. Bounds come from the name (the migration and
 * ensureEventPartitions are the only places that create them, and both name them by their month).
 */
export async function listEventPartitions(db: DbOrTx): Promise<EventPartition[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select child.relname as name
      from pg_inherits
      join pg_class child on child.oid = pg_inherits.inhrelid
      join pg_class parent on parent.oid = pg_inherits.inhparent
      where parent.relname = 'usage_event' and child.relname like ${`${PREFIX}%`}`),
  );
  return rows
    .map(({ name }) => {
      const match = /^usage_event_p(\d{4})_(\d{2})$/.exec(name);
      if (!match) return null;
      const from = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
      return { name, from, to: monthStart(from, 1) };
    })
    .filter((p): p is EventPartition => p !== null)
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * Gives the current month and the next MONTHS_AHEAD their own partition. Events of a month without
 * one wait in usage_event_default; they move into the new partition in the same transaction, because
 * PostgreSQL refuses to attach a month while the default partition holds rows of it. Safe on several
 * instances (an advisory lock, and each month is checked again under it). Returns the months created.
 */
export async function ensureEventPartitions(deps: { db: DbOrTx; now: Date }): Promise<string[]> {
  const created: string[] = [];
  for (let offset = 0; offset <= MONTHS_AHEAD; offset++) {
    const from = monthStart(deps.now, offset);
    const name = partitionName(from);
    const made = await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`);
      // Moving a month of events out of the default partition may outlast the pool's statement timeout.
      await tx.execute(sql`set local statement_timeout = 0`);
      if ((await listEventPartitions(tx)).some((p) => p.name === name)) return false;
      const table = sql.identifier(name);
      // DDL takes no bind parameters; the bounds are ISO strings this function made, never input.
      const bounds = sql.raw(`from ('${from.toISOString()}') to ('${monthStart(from, 1).toISOString()}')`);
      await tx.execute(sql`create table ${table} (like usage_event including defaults)`);
      await tx.execute(sql`
        with moved as (
          delete from usage_event_default
          where occurred_at >= ${from.toISOString()}::timestamptz
            and occurred_at < ${monthStart(from, 1).toISOString()}::timestamptz
          returning *)
        insert into ${table} select * from moved`);
      await tx.execute(sql`alter table usage_event attach partition ${table} for values ${bounds}`);
      return true;
    });
    if (made) created.push(name);
  }
  return created;
}

/**
 * Drops every monthly partition that ends at or before `cutoff` (whole months of raw events gone at
 * the cost of a catalogue change, not a row-by-row delete). Returns how many rows they held.
 */
export async function dropMonthsBefore(db: DbOrTx, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`);
    let removed = 0;
    for (const partition of await listEventPartitions(tx)) {
      if (partition.to.getTime() > cutoff.getTime()) break;
      const table = sql.identifier(partition.name);
      const [count] = rowsOf<{ n: number | string }>(
        await tx.execute(sql`select count(*) as n from ${table}`),
      );
      removed += Number(count?.n ?? 0);
      await tx.execute(sql`drop table ${table}`);
    }
    return removed;
  });
}
