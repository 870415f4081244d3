import { ANY_SERVICE, PRESENCE_CHUNK_BITS } from '@sightline/db/schema/usage';
import { type SQL, sql } from 'drizzle-orm';
import { rollupCounterColumns } from '../extension-api/rollup';
import { periodRuns } from './blocks';

/**
 * SQL pieces over the fleet-wide rollups. Every read takes the folded blocks and the deltas not yet
 * folded in one statement (one snapshot), so a figure never lags ingestion and never counts a delta
 * twice while the fold worker moves it.
 */

/** A bitmap chunk with no bit set. */
export const EMPTY_CHUNK = sql.raw(`B'0'::bit(${PRESENCE_CHUNK_BITS})`);
/** The chunk width as a SQL literal (person 1,500 is bit 476 of chunk 1). */
export const BITS = sql.raw(String(PRESENCE_CHUNK_BITS));

/** The counter columns as a select or insert list, and summed in the same order. */
export const counterList = sql.raw(rollupCounterColumns.map((c) => `"${c}"`).join(', '));
export const counterSums = sql.raw(rollupCounterColumns.map((c) => `sum("${c}")`).join(', '));

/**
 * Which rows to read: the period, tiled by blocks (`perDay` keeps one block per day, for the daily
 * charts, so a row's `start_day` is its day); and which services: all of them one by one, a list, or
 * the `*` rows that count anyone on any service.
 */
export type RollupFilter = {
  from: string;
  to: string;
  perDay?: boolean;
  services?: readonly string[] | 'any';
};

/**
 * Rows of `table` in the stored blocks that tile the period: one index range on (span, start_day) per
 * run of blocks, joined by UNION ALL. Each range is read from the primary key's index alone (its
 * INCLUDE columns carry the values, migration 0021); an OR of the ranges would make PostgreSQL fetch
 * the rows from the heap, where they lie scattered. Ranges also let the planner estimate from
 * statistics (a join to a list of blocks was estimated at 2 % of its rows, and sorted on disk).
 */
function storedBlockRows(table: string, columns: SQL, f: RollupFilter, services: SQL): SQL {
  return sql.join(
    periodRuns(f.from, f.to, f.perDay).map(
      (r) =>
        sql`select start_day, service_id, ${columns} from ${sql.raw(table)}
      where span = ${r.span} and start_day between ${r.first}::date and ${r.last}::date and ${services}`,
    ),
    sql` union all `,
  );
}

/**
 * `service_id` is one of `ids`, each its own parameter: the planner sees the values and uses the
 * per-service index (a JSON array here was estimated at 100 values and read the whole day range).
 * Callers pass a handful of services.
 */
const inList = (ids: readonly string[]) =>
  ids.length === 0
    ? sql`false`
    : sql`service_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/** Rows of stored blocks for the services asked for (the `*` rows only when asked for). */
function serviceCondition(f: RollupFilter): SQL {
  if (f.services === 'any') return sql`service_id = ${ANY_SERVICE}`;
  if (f.services) return inList(f.services);
  return sql`service_id <> ${ANY_SERVICE}`;
}

/** Pending deltas in the period for the services asked for (every delta counts for `*`). */
function deltaCondition(f: RollupFilter): SQL {
  const inPeriod = sql`day between ${f.from}::date and ${f.to}::date`;
  return Array.isArray(f.services) ? sql`${inPeriod} and ${inList(f.services)}` : inPeriod;
}

/** Counter rows (start_day, service_id, counters): stored blocks and pending deltas; sum them. */
export function counterRows(f: RollupFilter): SQL {
  const services = Array.isArray(f.services) ? inList(f.services) : sql`true`;
  return sql`(${storedBlockRows('usage_counts', counterList, f, services)}
    union all select day, service_id, ${counterList} from usage_rollup_delta where ${deltaCondition(f)})`;
}

/**
 * Presence rows (start_day, service_id, chunk, people, browsers): stored blocks, and one bit per
 * pending delta for its person and one for its browser. OR them per chunk, then count the bits.
 */
export function presenceRows(f: RollupFilter): SQL {
  const service = presenceService(f);
  return sql`(${storedBlockRows('usage_presence', sql`chunk, people, browsers`, f, serviceCondition(f))}
    union all select day, ${service}, person_idx / ${BITS}, set_bit(${EMPTY_CHUNK}, person_idx % ${BITS}, 1), ${EMPTY_CHUNK}
      from usage_rollup_delta where ${deltaCondition(f)}
    union all select day, ${service}, browser_idx / ${BITS}, ${EMPTY_CHUNK}, set_bit(${EMPTY_CHUNK}, browser_idx % ${BITS}, 1)
      from usage_rollup_delta where ${deltaCondition(f)})`;
}

/**
 * Presence rows without the browser bitmaps (start_day, service_id, chunk, people), for figures that
 * count people only: each stored row's second bitmap is half the bytes read and ORed (about 13 ms of a
 * 180-day dashboard at 10 million events).
 */
export function peoplePresenceRows(f: RollupFilter): SQL {
  return sql`(${storedBlockRows('usage_presence', sql`chunk, people`, f, serviceCondition(f))}
    union all select day, ${presenceService(f)}, person_idx / ${BITS}, set_bit(${EMPTY_CHUNK}, person_idx % ${BITS}, 1)
      from usage_rollup_delta where ${deltaCondition(f)})`;
}

/** A pending delta's service as presence reads it: its own, or `*` when the rows asked for are `*`'s. */
const presenceService = (f: RollupFilter) =>
  f.services === 'any' ? sql`${ANY_SERVICE}::text` : sql`service_id`;

/**
 * Every way to the service is a visit: a page load, or a warning or block page in its place. Proceeding
 * past a warning loads the page (a visit event) for the visit the warning already counted, so proceeds
 * are taken off once. Summed per group, never below zero.
 */
export const netVisits = sql`visits + warnings + blocks - proceeds`;
export const visitsOfCounters = sql`greatest(sum(${netVisits}), 0)`;
