import { type Db, rowsOf } from '@sightline/db/client';
import { sql } from 'drizzle-orm';
import { forEachSetBit } from '../usage-rollups/presence-bits';
import { peoplePresenceRows } from '../usage-rollups/presence-sql';
import type { Period } from './period';

/** The people list shows the most active first; beyond this the page says how many more there are. */
const PEOPLE_SHOWN = 100;

export type ServicePerson = {
  person: string;
  userKey: string | null;
  label: string | null;
  /** From the directory (CSV import); null when not known. */
  department: string | null;
  browserOnly: boolean;
  browsers: number;
  days: number;
  visits: number;
  pastes: number;
  uploads: number;
  apiCalls: number;
  lastDay: string | null;
};

/**
 * Days on the service in the period per person number, from the service's daily presence bitmaps
 * (one row per day and chunk, however many events): the cost follows days × people active, not events.
 * Its keys are everyone who used the service in the period.
 */
export async function daysActive(db: Db, serviceId: string, period: Period): Promise<Map<number, number>> {
  const result = rowsOf<{ chunk: number; people: string }>(
    await db.execute(sql`
      select chunk, bit_or(people)::text as people
      from ${peoplePresenceRows({ from: period.from, to: period.to, perDay: true, services: [serviceId] })} p
      group by start_day, chunk`),
  );
  const days = new Map<number, number>();
  for (const row of result)
    forEachSetBit(row.chunk, row.people, (idx) => days.set(idx, (days.get(idx) ?? 0) + 1));
  return days;
}

/**
 * People as stored: the user key (a pseudonym unless the org turned pseudonymisation off) and the
 * label the browser enrolled with, which is only kept when pseudonymisation is off. A browser without
 * a user is listed as that browser. The most active first (days, then visits, then API calls): the
 * candidates come from the presence bitmaps, and only their counters are read from usage_daily
 * (an index on service, person and day), so the busiest service costs about what a quiet one does.
 */
export async function peopleOf(
  db: Db,
  serviceId: string,
  period: Period,
  days: Map<number, number>,
): Promise<ServicePerson[]> {
  if (days.size === 0) return [];
  // The 100 with the most days, and anyone tied with the 100th (visits may put them ahead).
  const ranked = [...days.values()].sort((a, b) => b - a);
  const cutoff = ranked[Math.min(PEOPLE_SHOWN, ranked.length) - 1]!;
  const candidates = [...days].filter(([, d]) => d >= cutoff).map(([idx]) => idx);
  const rows = rowsOf<{
    person: string;
    user_key: string | null;
    label: string | null;
    department: string | null;
    browsers: number | string;
    visits: number | string;
    pastes: number | string;
    uploads: number | string;
    api_calls: number | string;
    last_day: string;
    idx: number;
  }>(
    await db.execute(sql`
      select p.idx, p.person_key as person, max(d.user_key) as user_key, max(dev.user_label) as label,
        max(pd.department) as department,
        count(distinct d.device_id) as browsers,
        greatest(sum(d.visits + d.warnings + d.blocks - d.proceeds), 0) as visits,
        sum(d.pastes) as pastes, sum(d.uploads) as uploads, sum(d.api_calls) as api_calls,
        max(d.day)::text as last_day
      from usage_person p
      join usage_daily d on d.service_id = ${serviceId}
        and coalesce(d.user_key, d.device_id::text) = p.person_key
        and d.day between ${period.from}::date and ${period.to}::date
      left join device dev on dev.id = d.device_id
      left join person_department pd on pd.person_key = p.person_key
      where p.idx in (select json_array_elements_text(${JSON.stringify(candidates)}::json)::int)
      group by p.idx, p.person_key`),
  );
  return rows
    .map((r) => ({
      person: r.person,
      userKey: r.user_key,
      label: r.label,
      department: r.department,
      browserOnly: r.user_key === null,
      browsers: Number(r.browsers),
      days: days.get(Number(r.idx)) ?? 0,
      visits: Number(r.visits),
      pastes: Number(r.pastes),
      uploads: Number(r.uploads),
      apiCalls: Number(r.api_calls),
      lastDay: r.last_day,
    }))
    .sort(
      (a, b) =>
        b.days - a.days ||
        b.visits - a.visits ||
        b.apiCalls - a.apiCalls ||
        (a.person < b.person ? -1 : a.person > b.person ? 1 : 0),
    )
    .slice(0, PEOPLE_SHOWN);
}
