import type { Db } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { blockStartOf, serviceAndAny, spansTable } from './block-sql';
import { BITS, counterList, counterSums, EMPTY_CHUNK } from './presence-sql';
import { forgetRollupIdentities } from './rollup-identities';

const day = sql.raw('x.day');

/**
 * Rebuilds the fleet-wide rollups from the per-browser daily counts (`usage_daily`), as migration 0013
 * did: for data written in bulk rather than through ingestion (the dashboard bench), and to check that
 * ingestion's rollups equal it. People are numbered in key order, browsers in id order.
 */
export async function rebuildFleetRollups(db: Db): Promise<void> {
  forgetRollupIdentities(db);
  await db.execute(
    sql`truncate usage_rollup_delta, usage_presence, usage_counts, usage_person, usage_browser restart identity`,
  );
  await db.execute(sql`
    insert into usage_person (person_key)
    select k from (select distinct coalesce(user_key, device_id::text) as k from usage_daily) d order by k`);
  await db.execute(
    sql`insert into usage_browser (device_id) select distinct device_id from usage_daily order by 1`,
  );
  await db.execute(sql`
    insert into usage_counts (span, start_day, service_id, ${counterList})
    select s.span, ${blockStartOf(day)}, x.service_id, ${counterSums}
    from usage_daily x cross join ${spansTable} group by 1, 2, 3`);
  await db.execute(sql`
    insert into usage_presence (span, start_day, service_id, chunk, people, browsers)
    select s.span, ${blockStartOf(day)}, sv.id, x.chunk, bit_or(x.people), bit_or(x.browsers) from (
      select d.day, d.service_id, p.idx / ${BITS} as chunk, set_bit(${EMPTY_CHUNK}, p.idx % ${BITS}, 1) as people,
        ${EMPTY_CHUNK} as browsers
      from usage_daily d join usage_person p on p.person_key = coalesce(d.user_key, d.device_id::text)
      union all
      select d.day, d.service_id, b.idx / ${BITS}, ${EMPTY_CHUNK}, set_bit(${EMPTY_CHUNK}, b.idx % ${BITS}, 1)
      from usage_daily d join usage_browser b on b.device_id = d.device_id
    ) x cross join ${spansTable} ${serviceAndAny(sql.raw('x.service_id'))}
    group by 1, 2, 3, 4`);
}
