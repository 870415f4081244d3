import type { Db } from '@sightline/db/client';
import { orgSettings } from '@sightline/db/schema/org';
import { FAMILIAR_SERVICES } from '@sightline/portal/server/features/discovery/demo-usage';
import { userKeyFor } from '@sightline/portal/server/features/extension-api/credentials';
import {
  dailyCounterExpressions,
  rollupCounterColumns,
} from '@sightline/portal/server/features/extension-api/rollup';
import { builtInCatalog } from '@sightline/shared/catalog/catalog';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { eq, sql } from 'drizzle-orm';

/**
 * Bulk usage data for the dashboard bench, written in SQL the way ingestion stores it: raw
 * `usage_event` rows (generate_series) and the `usage_daily` rollups the ingest path would have
 * added for exactly those rows (one GROUP BY over the counter expressions of extension-api/rollup.ts).
 */

export const PEOPLE = 5_000;
export const SERVICES = 400;
export const DAYS = 180;

/** A few decisions, so the policy-state shares are not all "unreviewed". */
const POLICIES: [PolicyState, string[]][] = [
  ['approved', ['microsoft-copilot', 'deepl-translator', 'github-copilot', 'grammarly']],
  ['conditional', ['openai-chatgpt', 'google-gemini']],
  ['blocked', ['deepseek-chat', 'character-ai']],
  ['unapproved', ['perplexity', 'otter-ai', 'midjourney']],
];

/** A seeded generator (mulberry32): the fleet is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function siteHost(entry: CatalogEntry): string | null {
  for (const r of entry.rules) {
    if (r.kind === 'domain' || r.kind === 'host') return r.value;
    if (r.kind === 'path') return r.host;
  }
  return null;
}

/** One array parameter (drizzle would spread a JS array into one parameter per element). */
const pgArray = (values: readonly (string | number)[]) =>
  `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Index of a Zipf-like pick among `n` (0 is the most popular): a few services used by many, a long tail. */
const skewed = (r: number, n: number) => Math.min(n - 1, Math.floor(n * r ** 3));

/** Departments of the bench's organisation: 40, as a CSV import would set them. */
const DEPARTMENTS = 40;

/**
 * Nine people in ten get one of DEPARTMENTS departments (the rest are not in the directory), so the
 * dashboard's and service page's breakdowns by department do their full work. Its own generator, so
 * the fleet and events stay what they were before the bench had departments.
 */
async function seedDepartments(db: Db, personKeys: readonly string[]): Promise<void> {
  const rnd = random(11);
  const mapped = personKeys.filter(() => rnd() < 0.9);
  const names = mapped.map(() => `Department ${1 + Math.floor(rnd() * DEPARTMENTS)}`);
  await db.execute(sql`
    insert into person_department (person_key, department, source, updated_at)
    select key, department, 'csv', now()
    from unnest(${pgArray(mapped)}::text[], ${pgArray(names)}::text[]) as t(key, department)`);
}

/**
 * Browsers (about 5,500 for 5,000 people: one in ten has a second), their habitual services, the
 * services and the policies. Kept in temporary-purpose tables `bench_dev`, `bench_svc`, `bench_habit`
 * that the event generator joins by index.
 */
export async function seedFleet(db: Db, now: Date): Promise<{ devices: number; services: number }> {
  const rnd = random(7);
  const usable = builtInCatalog.filter((e) => siteHost(e) !== null);
  const familiar = FAMILIAR_SERVICES.map((id) => usable.find((e) => e.id === id)).filter(
    (e): e is CatalogEntry => !!e,
  );
  const rest = usable.filter((e) => !FAMILIAR_SERVICES.includes(e.id));
  const services = [...familiar, ...rest].slice(0, SERVICES);
  const [settings] = await db
    .select({ secret: orgSettings.pseudonymSecret })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));

  const devIds: string[] = [];
  const keys: string[] = [];
  const browsers: string[] = [];
  for (let p = 0; p < PEOPLE; p++) {
    const key = userKeyFor(`person${p + 1}@example.com`, true, settings?.secret ?? '')!;
    const count = rnd() < 0.1 ? 2 : 1;
    for (let b = 0; b < count; b++) {
      devIds.push(crypto.randomUUID());
      keys.push(key);
      browsers.push(b === 0 ? 'chrome' : 'edge');
    }
  }
  const enrolled = new Date(now.getTime() - (DAYS + 5) * 86_400_000).toISOString();
  await db.execute(sql`
    insert into device (id, credential_hash, user_key, browser, platform, extension_version, enrolled_at, last_seen_at)
    select id, 'bench-' || id, key, browser, 'windows', '0.1.0', ${enrolled}::timestamptz, ${now.toISOString()}::timestamptz
    from unnest(${pgArray(devIds)}::uuid[], ${pgArray(keys)}::text[], ${pgArray(browsers)}::text[]) as t(id, key, browser)`);
  await seedDepartments(db, [...new Set(keys)]);
  await db.execute(sql`drop table if exists bench_dev, bench_svc, bench_habit`);
  await db.execute(sql`
    create table bench_dev as
    select (ord - 1)::int as idx, id, key as user_key
    from unnest(${pgArray(devIds)}::uuid[], ${pgArray(keys)}::text[]) with ordinality as t(id, key, ord)`);
  await db.execute(sql`alter table bench_dev add primary key (idx)`);

  const state = new Map<string, PolicyState>();
  for (const [s, ids] of POLICIES) for (const id of ids) state.set(id, s);
  await db.execute(sql`
    create table bench_svc as
    select (ord - 1)::int as idx, id, host, state
    from unnest(${pgArray(services.map((s) => s.id))}::text[], ${pgArray(services.map((s) => siteHost(s)!))}::text[],
      ${pgArray(services.map((s) => state.get(s.id) ?? 'unreviewed'))}::text[]) with ordinality as t(id, host, state, ord)`);
  await db.execute(sql`alter table bench_svc add primary key (idx)`);
  await db.execute(sql`
    insert into service_policy (service_id, state, conditions)
    select id, state::policy_state, case when state = 'conditional' then 'Work account only.' end
    from bench_svc where state <> 'unreviewed'`);

  // Each browser has four habit slots filled from 1–4 habitual services (a person's browsers share them).
  const habitDev: number[] = [];
  const habitSlot: number[] = [];
  const habitSvc: number[] = [];
  let person = '';
  let habits: number[] = [];
  for (let d = 0; d < devIds.length; d++) {
    if (keys[d] !== person) {
      person = keys[d]!;
      const n = 1 + Math.floor(rnd() * 4);
      habits = [...new Set(Array.from({ length: n }, () => skewed(rnd(), services.length)))];
    }
    for (let slot = 0; slot < 4; slot++) {
      habitDev.push(d);
      habitSlot.push(slot);
      habitSvc.push(habits[slot % habits.length]!);
    }
  }
  await db.execute(sql`
    create table bench_habit as
    select * from unnest(${pgArray(habitDev)}::int[], ${pgArray(habitSlot)}::int[], ${pgArray(habitSvc)}::int[]) as t(dev_idx, slot, svc_idx)`);
  await db.execute(sql`alter table bench_habit add primary key (dev_idx, slot)`);
  return { devices: devIds.length, services: services.length };
}

/**
 * `events` usage events over DAYS days ending now: busy browsers and quiet ones, 95 % on a person's
 * habitual services and 5 % exploring the long tail, adoption growing over the period, few on
 * weekends; warnings and proceeds on unapproved services, blocks on blocked ones.
 */
export async function generateEvents(db: Db, now: Date, events: number, devices: number): Promise<void> {
  const start = new Date(now.getTime() - (DAYS - 1) * 86_400_000);
  start.setUTCHours(0, 0, 0, 0);
  await db.execute(sql`
    insert into usage_event (device_id, client_event_id, kind, service_id, host, matched_rule, user_key,
      account_hint, item_count, bytes, occurred_at, received_at)
    select d.id, gen_random_uuid(), k.kind::usage_event_kind, s.id, s.host, 'domain:' || s.host, d.user_key,
      case when k.kind = 'login' then (case when g.r3 < 0.25 then 'personal' else 'work' end)::account_hint end,
      case when k.kind in ('paste', 'upload') then 1 end,
      case when k.kind = 'paste' then (20 + floor(g.r3 * 8000))::bigint
           when k.kind = 'upload' then (10000 + floor(g.r3 * 2000000))::bigint end,
      least(w.at, ${now.toISOString()}::timestamptz - interval '1 minute'),
      least(w.at, ${now.toISOString()}::timestamptz - interval '1 minute')
    from (
      select floor(${devices} * power(random(), 1.6))::int as di, floor(random() * 4)::int as slot,
        random() as explore, random() as rk, random() as r3, random() as rw,
        ${start.toISOString()}::timestamptz + floor(${DAYS} * sqrt(random())) * interval '1 day'
          + (8 * 3600 + random() * 9 * 3600) * interval '1 second' as at0
      from generate_series(1, ${events})
    ) g
    cross join lateral (select case
        when g.rw < 0.85 and extract(isodow from g.at0) = 6 then g.at0 - interval '1 day'
        when g.rw < 0.85 and extract(isodow from g.at0) = 7 then g.at0 - interval '2 days'
        else g.at0 end as at) w
    join bench_dev d on d.idx = g.di
    join bench_habit h on h.dev_idx = g.di and h.slot = g.slot
    join bench_svc s on s.idx = case when g.explore < 0.05
      then least(${SERVICES - 1}, floor(${SERVICES} * power(g.explore / 0.05, 3)))::int else h.svc_idx end
    cross join lateral (select case
        when s.state = 'blocked' then 'blocked'
        when s.state = 'unapproved' and g.rk < 0.2 then 'warning_shown'
        when s.state = 'unapproved' and g.rk < 0.3 then 'proceeded'
        when g.rk < 0.55 then 'visit'
        when g.rk < 0.65 then 'login'
        when g.rk < 0.78 then 'paste'
        when g.rk < 0.81 then 'upload'
        when g.rk < 0.86 then 'api_call'
        else 'visit' end as kind) k`);
}

/** The rollups ingestion keeps, for every stored event, counted by the same expressions. */
export async function buildRollups(db: Db): Promise<void> {
  await db.execute(sql`
    insert into usage_daily (day, service_id, device_id, user_key, ${counterList})
    select (occurred_at at time zone 'UTC')::date, service_id, device_id, max(user_key),
      ${dailyCounterExpressions}
    from usage_event where service_id is not null
    group by 1, 2, 3`);
}

const counterList = sql.raw(rollupCounterColumns.join(', '));

/** Drops the secondary indexes of a table and returns the statements that rebuild them exactly. */
export async function dropSecondaryIndexes(db: Db, table: string): Promise<string[]> {
  const rows = (await db.execute(sql`
    select i.indexname, i.indexdef from pg_indexes i
    where i.tablename = ${table} and i.indexname not in (
      select conname from pg_constraint where conrelid = ${table}::regclass and contype = 'p')`)) as unknown as {
    indexname: string;
    indexdef: string;
  }[];
  for (const r of rows) await db.execute(sql.raw(`drop index "${r.indexname}"`));
  // pg_indexes gives a partitioned table's index as `CREATE INDEX … ON ONLY parent`, which builds no
  // index on the partitions (the events table is partitioned by month): recreate it on all of them.
  return rows.map((r) => r.indexdef.replace(' ON ONLY ', ' ON '));
}
