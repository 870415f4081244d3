import { type DbOrTx, rowsOf } from '@sightline/db/client';
import { servicePolicy } from '@sightline/db/schema/policy';
import { ANY_SERVICE, usageDaily } from '@sightline/db/schema/usage';
import { type PolicyState, policyStates } from '@sightline/shared/policy/policy-states';
import { type SQL, sql } from 'drizzle-orm';
import {
  counterRows,
  netVisits,
  peoplePresenceRows,
  presenceRows,
  type RollupFilter,
  visitsOfCounters,
} from '../usage-rollups/presence-sql';
import { unsanctionedStates } from './headline-figures';

/**
 * The discovery figures, read from the fleet-wide rollups only (usage_counts, usage_presence and the
 * deltas not yet folded into them): their size follows services × blocks of days, not events, so the
 * dashboard costs about the same at 100 thousand and at 10 million events. Distinct people and
 * browsers are exact: bit counts of ORed presence bitmaps.
 */

export type ServiceUsage = {
  serviceId: string;
  people: number;
  browsers: number;
  visits: number;
  warnings: number;
  proceeds: number;
  blocks: number;
  logins: number;
  personalAccountEvents: number;
  pastes: number;
  uploads: number;
  apiCalls: number;
};

type Numeric = number | string | null;
const num = (v: Numeric | undefined) => Number(v ?? 0);

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** Each service used in the period with its counts (no cap, every service is there), or just `serviceId`. */
export async function usagePerService(
  db: DbOrTx,
  from: string,
  to: string,
  serviceId?: string,
): Promise<ServiceUsage[]> {
  const f: RollupFilter = { from, to, ...(serviceId === undefined ? {} : { services: [serviceId] }) };
  const result = await rows<ServiceRow>(db, sql`${perServiceParts(f)} ${perServiceSelect}`);
  return result.map(serviceUsageOf);
}

/** A presence chunk as text: bit i is person chunk × 1024 + i (decode with forEachSetBit). */
export type PeopleChunk = { chunk: number; people: string };

/**
 * usagePerService for the whole period without browsers per service (the dashboard shows people per
 * service, and browsers fleet-wide from distinctPeople), and who used any service whose policy today
 * is unapproved or unreviewed (no policy counts as unreviewed), as presence chunks: the union comes
 * from the per-service chunks the counts are made from, so the dashboard's breakdown by department
 * costs no second pass over every service's bitmaps. Service rows and chunk rows travel in one
 * result, told apart by kind.
 */
export async function usageAndUnsanctionedPeople(
  db: DbOrTx,
  from: string,
  to: string,
): Promise<{ services: ServicePeopleUsage[]; unsanctionedPeople: PeopleChunk[] }> {
  const unsanctioned = JSON.stringify(unsanctionedStates);
  const result = await rows<ServiceRow & { kind: 'service' | 'unsanctioned'; chunk: number; bits: string }>(
    db,
    sql`${perServiceParts({ from, to }, 'people')},
    unsanctioned as (
      select chunk, bit_or(people) as people from chunks k
      where not exists (select 1 from service_policy sp where sp.service_id = k.service_id
        and sp.state::text not in (select json_array_elements_text(${unsanctioned}::json)))
      group by chunk)
    select 'service' as kind, null::int as chunk, null::text as bits, s.* from (${perServiceSelect}) s
    union all
    select 'unsanctioned', chunk, people::text, ${sql.raw(Array(12).fill('null').join(', '))}
    from unsanctioned`,
  );
  return {
    services: result
      .filter((r) => r.kind === 'service')
      .map((r) => ({ ...serviceCountersOf(r), people: num(r.people) })),
    unsanctionedPeople: result
      .filter((r) => r.kind === 'unsanctioned')
      .map((r) => ({ chunk: Number(r.chunk), people: r.bits })),
  };
}

type ServiceRow = Record<string, Numeric> & { service_id: string };

/** The counters per service in the period: the `counters` CTE. */
function countersPart(f: RollupFilter): SQL {
  return sql`
    counters as (
      select service_id, ${visitsOfCounters} as visits, sum(warnings) as warnings, sum(proceeds) as proceeds,
        sum(blocks) as blocks, sum(logins) as logins, sum(personal_account_events) as personal,
        sum(pastes) as pastes, sum(uploads) as uploads, sum(api_calls) as api_calls
      from ${counterRows(f)} c group by service_id)`;
}

/**
 * The counters and the presence chunks per service (chunks is also what the union above ORs). With
 * `'people'` the browsers bitmaps are left unread and the `browsers` column is null.
 */
function perServiceParts(
  f: RollupFilter,
  count: 'people and browsers' | 'people' = 'people and browsers',
): SQL {
  const chunks =
    count === 'people'
      ? sql`select service_id, chunk, bit_or(people) as people, null::bit varying as browsers
      from ${peoplePresenceRows(f)} p group by service_id, chunk`
      : sql`select service_id, chunk, bit_or(people) as people, bit_or(browsers) as browsers
      from ${presenceRows(f)} p group by service_id, chunk`;
  return sql`
    with ${countersPart(f)},
    chunks as (${chunks}),
    presence as (
      select service_id, sum(bit_count(people)) as people, sum(bit_count(browsers)) as browsers
      from chunks group by service_id)`;
}

/** Twelve columns: the ten of counters, then people and browsers. */
const perServiceSelect = sql`select c.*, p.people, p.browsers from counters c left join presence p using (service_id)`;

export type ServiceCounters = Omit<ServiceUsage, 'people' | 'browsers'>;
export type ServicePeopleUsage = Omit<ServiceUsage, 'browsers'>;

function serviceCountersOf(r: ServiceRow): ServiceCounters {
  return {
    serviceId: r.service_id,
    visits: num(r.visits),
    warnings: num(r.warnings),
    proceeds: num(r.proceeds),
    blocks: num(r.blocks),
    logins: num(r.logins),
    personalAccountEvents: num(r.personal),
    pastes: num(r.pastes),
    uploads: num(r.uploads),
    apiCalls: num(r.api_calls),
  };
}

function serviceUsageOf(r: ServiceRow): ServiceUsage {
  return { ...serviceCountersOf(r), people: num(r.people), browsers: num(r.browsers) };
}

/**
 * Each service used in the period with its counters but not its people: what the previous period's
 * headline figures need. Skipping the bitmaps makes it a few milliseconds instead of about a hundred.
 */
export async function countersPerService(db: DbOrTx, from: string, to: string): Promise<ServiceCounters[]> {
  const result = await rows<ServiceRow>(db, sql`with ${countersPart({ from, to })} select * from counters`);
  return result.map(serviceCountersOf);
}

/** Distinct people and browsers across all services in the period (the `*` rows). */
export async function distinctPeople(db: DbOrTx, from: string, to: string) {
  const [row] = await rows<{ people: Numeric; browsers: Numeric }>(
    db,
    sql`
    select sum(bit_count(people)) as people, sum(bit_count(browsers)) as browsers from (
      select bit_or(people) as people, bit_or(browsers) as browsers
      from ${presenceRows({ from, to, services: 'any' })} p group by chunk
    ) chunks`,
  );
  return { people: num(row?.people), browsers: num(row?.browsers) };
}

/** Visits per day and service (one service's page). */
export async function visitsPerDayAndService(db: DbOrTx, from: string, to: string, serviceId?: string) {
  const f: RollupFilter = {
    from,
    to,
    perDay: true,
    ...(serviceId === undefined ? {} : { services: [serviceId] }),
  };
  const result = await rows<{ day: string; service_id: string; visits: Numeric }>(
    db,
    sql`select start_day::text as day, service_id, ${visitsOfCounters} as visits
      from ${counterRows(f)} c group by start_day, service_id order by start_day, service_id`,
  );
  return result.map((r) => ({ day: r.day, serviceId: r.service_id, visits: num(r.visits) }));
}

/**
 * Visits per day by each service's policy state today (the policy-state chart), added up in the
 * database. A 180-day period at 10 million events has 70,000 (day, service) rows, and joining each to
 * its policy and splitting it five ways cost 80 ms. Most services have no policy, so the query sums
 * every service per day once (`total`), adds up only the rows of services with a policy per day and
 * state (`governed`), and leaves the rest to `unreviewed`: the total less the governed. Each
 * (day, service) is clamped at zero before it is added, as before, so the parts add up exactly. (An
 * index probe per day and governed service was faster with 11 policies, 10 ms against 20, but took
 * 310 ms with 400; the join takes 50.)
 * Pending deltas enter as a correction per (day, service) they touch: the clamped stored value
 * replaced by the clamped sum of stored and pending.
 */
export async function visitsPerDayByState(db: DbOrTx, from: string, to: string) {
  // In the correction the counters are the stored row's (pending has only `net`); no stored row is 0.
  const stored = sql`coalesce(${netVisits}, 0)`;
  const inPeriod = (day: SQL) => sql`${day} between ${from}::date and ${to}::date`;
  const result = await rows<{ day: string; state: PolicyState | 'total'; visits: Numeric }>(
    db,
    sql`
    with pending as (
      select day, service_id, sum(${netVisits}) as net from usage_rollup_delta
      where ${inPeriod(sql`day`)} group by day, service_id),
    correction as (
      select p.day, p.service_id, greatest(${stored} + p.net, 0) - greatest(${stored}, 0) as net
      from pending p left join usage_counts s
        on s.span = 1 and s.start_day = p.day and s.service_id = p.service_id),
    total as (
      select day, sum(net) as net from (
        select start_day as day, greatest(${netVisits}, 0) as net from usage_counts
        where span = 1 and ${inPeriod(sql`start_day`)} and service_id <> ${ANY_SERVICE}
        union all select day, net from correction) t
      group by day),
    governed as (
      select c.start_day as day, sp.state::text as state, greatest(${netVisits}, 0) as net
      from usage_counts c join ${servicePolicy} sp using (service_id)
      where c.span = 1 and ${inPeriod(sql`c.start_day`)} and sp.state <> 'unreviewed'
      union all
      select c.day, sp.state::text, c.net from correction c join ${servicePolicy} sp using (service_id)
      where sp.state <> 'unreviewed')
    select day::text as day, 'total' as state, net as visits from total
    union all
    select day::text, state, sum(net) from governed group by day, state`,
  );
  const perDay = new Map<string, Map<PolicyState | 'total', number>>();
  for (const r of result) {
    const day = perDay.get(r.day) ?? new Map<PolicyState | 'total', number>();
    day.set(r.state, num(r.visits));
    perDay.set(r.day, day);
  }
  return [...perDay].flatMap(([day, byState]) => {
    const governed = policyStates
      .filter((state) => state !== 'unreviewed' && byState.has(state))
      .map((state) => ({ day, state, visits: byState.get(state)! }));
    const rest = (byState.get('total') ?? 0) - governed.reduce((n, g) => n + g.visits, 0);
    return [...governed, { day, state: 'unreviewed' as const, visits: rest }];
  });
}

/**
 * Distinct people per day on each of `services`, or on any service at all (`'any'`, where someone on
 * two services that day counts once; their rows come back with service id `*`).
 */
export async function peoplePerDay(
  db: DbOrTx,
  from: string,
  to: string,
  services: readonly string[] | 'any',
): Promise<{ day: string; serviceId: string; people: number }[]> {
  if (Array.isArray(services) && services.length === 0) return [];
  const result = await rows<{ day: string; service_id: string; people: Numeric }>(
    db,
    sql`
    select start_day::text as day, service_id, sum(bit_count(people)) as people from (
      select start_day, service_id, bit_or(people) as people
      from ${peoplePresenceRows({ from, to, perDay: true, services })} p group by start_day, service_id, chunk
    ) chunks group by start_day, service_id order by start_day, service_id`,
  );
  return result.map((r) => ({ day: r.day, serviceId: r.service_id, people: num(r.people) }));
}

/**
 * The first day each of `serviceIds` ever appears in the daily counts. One index probe per service
 * (usage_daily_service_idx is (service_id, day)) rather than a scan of the whole table: the table keeps
 * every day ever counted. The ids travel as one JSON parameter (PGlite and postgres.js pass strings alike).
 */
export async function firstSeenOf(db: DbOrTx, serviceIds: readonly string[]): Promise<Map<string, string>> {
  if (serviceIds.length === 0) return new Map();
  const result = await rows<{ serviceId: string; first: string | null }>(
    db,
    sql`
    select s.id as "serviceId",
      (select min(${usageDaily.day}) from ${usageDaily} where ${usageDaily.serviceId} = s.id)::text as "first"
    from json_array_elements_text(${JSON.stringify(serviceIds)}::json) as s(id)`,
  );
  return new Map(result.filter((r) => r.first !== null).map((r) => [r.serviceId, r.first!]));
}
