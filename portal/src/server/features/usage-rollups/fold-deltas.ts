import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { rollupCounterColumns } from '../extension-api/rollup';
import { blockStartOf, serviceAndAny, spansTable } from './block-sql';
import { BITS, counterList, counterSums, EMPTY_CHUNK } from './presence-sql';

const FOLD_BATCH = 20_000;
const adds = sql.raw(
  rollupCounterColumns.map((c) => `"${c}" = usage_counts."${c}" + excluded."${c}"`).join(', '),
);
const day = sql.raw('day');

/**
 * Moves pending deltas into usage_counts and usage_presence, each delta into its block of every span:
 * one statement per chunk of rows, so the move is atomic (a reader sees the deltas or their sums,
 * never both or neither). SKIP LOCKED lets several instances fold at once on different rows; upserts go
 * in key order so they never deadlock. Returns how many delta rows were folded.
 */
export async function foldRollupDeltas(db: DbOrTx): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = rowsOf<{ n: number | string }>(
      await db.execute(sql`
        with moved as (
          delete from usage_rollup_delta where id in (
            select id from usage_rollup_delta order by id limit ${FOLD_BATCH} for update skip locked)
          returning *),
        counters as (
          insert into usage_counts (span, start_day, service_id, ${counterList})
          select s.span, ${blockStartOf(day)} as start_day, service_id, ${counterSums}
          from moved cross join ${spansTable}
          group by 1, 2, 3 order by 1, 2, 3
          on conflict (span, start_day, service_id) do update set ${adds}),
        presence as (
          insert into usage_presence (span, start_day, service_id, chunk, people, browsers)
          select s.span, ${blockStartOf(day)} as start_day, sv.id, chunk, bit_or(people), bit_or(browsers)
          from (
            select day, service_id, person_idx / ${BITS} as chunk,
              set_bit(${EMPTY_CHUNK}, person_idx % ${BITS}, 1) as people, ${EMPTY_CHUNK} as browsers from moved
            union all
            select day, service_id, browser_idx / ${BITS}, ${EMPTY_CHUNK}, set_bit(${EMPTY_CHUNK}, browser_idx % ${BITS}, 1) from moved
          ) bits cross join ${spansTable} ${serviceAndAny(sql.raw('service_id'))}
          group by 1, 2, 3, 4 order by 1, 2, 3, 4
          on conflict (span, start_day, service_id, chunk) do update set
            people = usage_presence.people | excluded.people, browsers = usage_presence.browsers | excluded.browsers
          -- Most folds only repeat people already in the block: leave those rows alone, so their pages
          -- stay all-visible for index-only reads and no dead row is left for vacuum.
          where (usage_presence.people | excluded.people) <> usage_presence.people
            or (usage_presence.browsers | excluded.browsers) <> usage_presence.browsers)
        select count(*) as n from moved`),
    );
    const n = Number(row?.n ?? 0);
    total += n;
    if (n < FOLD_BATCH) return total;
  }
}
