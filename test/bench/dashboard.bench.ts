/**
 * `pnpm bench:dashboard [--quick] [--events N] [--keep]`: how long every dashboard API call takes at 100
 * thousand usage events and at a large size (10 million by default) — 5,000 people on ~5,500
 * browsers, 400 catalog services with a long tail, 180 days, a few policies, nine people in ten in one of 40 departments.
 *
 * The data is generated in SQL (generate_series), not through the API: raw `usage_event` rows plus
 * the `usage_daily` rollups ingestion would have produced for them, and the fleet-wide rollups rebuilt
 * from those (rebuildFleetRollups, what migration 0012 does). Secondary indexes are dropped
 * for the load and rebuilt exactly, then VACUUM ANALYZE and a CHECKPOINT. The calls go through the real app
 * in-process (createApp with the real deps, signed in as an admin) against a throwaway database on
 * DATABASE_URL's server, one at a time, after a warm-up.
 *
 * Last line: {"p95MsAt100k", "p95MsAt10M", "growth"} for the worst call (largest p95 at the large
 * size), plus "largeEvents" when the large run is not 10 million.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { Db } from '@sightline/db/client';
import { schema } from '@sightline/db/schema';
import { rebuildFleetRollups } from '@sightline/portal/server/features/usage-rollups/rebuild-fleet-rollups';
import { createTestApp, type TestApp } from '@sightline/portal/server/testing/test-app';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import {
  buildRollups,
  DAYS,
  dropSecondaryIndexes,
  generateEvents,
  PEOPLE,
  seedFleet,
} from './dashboard-data';
import { percentile } from './soak-recorder';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** Leave the database in place (for EXPLAIN ANALYZE afterwards) instead of dropping it. */
const keep = args.includes('--keep');
const eventsFlag = args.indexOf('--events');
const SMALL = 100_000;
const LARGE = eventsFlag >= 0 ? Number(args[eventsFlag + 1]) : quick ? 1_000_000 : 10_000_000;
const WARMUP = quick ? 1 : 2;
const RUNS = quick ? 3 : 20;
/** A call slower than this stops after MIN_RUNS runs rather than keep the bench running for many minutes. */
const CALL_BUDGET_MS = quick ? 10_000 : 60_000;
const MIN_RUNS = quick ? 3 : 5;

type Call = { name: string; path: string };
type Figures = { p50: number; p95: number; runs: number };

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await t.deps.db.execute(query)) as unknown as T[];
}

/**
 * A connection of its own to the bench's database without the portal pool's statement timeout
 * (30 s): generating and rolling up 10 million events takes minutes per statement.
 */
async function bulkConnection(t: TestApp) {
  const [current] = await rows<{ name: string }>(t, sql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${current!.name}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end() };
}

async function load(t: TestApp, events: number, devices: number): Promise<void> {
  const bulk = await bulkConnection(t);
  try {
    await loadWith(bulk.db, t, events, devices);
  } finally {
    await bulk.close();
  }
}

async function loadWith(db: Db, t: TestApp, events: number, devices: number): Promise<void> {
  await db.execute(sql`truncate usage_event, usage_daily`);
  const eventIndexes = await dropSecondaryIndexes(db, 'usage_event');
  const dailyIndexes = await dropSecondaryIndexes(db, 'usage_daily');
  let step = performance.now();
  await generateEvents(db, t.deps.clock(), events, devices);
  console.log(`  generated ${events.toLocaleString('en')} events (generate_series): ${elapsed(step)}`);
  step = performance.now();
  await buildRollups(db);
  const [daily] = await rows<{ n: number }>(t, sql`select count(*)::int as n from usage_daily`);
  console.log(`  built ${daily!.n.toLocaleString('en')} usage_daily rows (GROUP BY): ${elapsed(step)}`);
  step = performance.now();
  for (const def of [...eventIndexes, ...dailyIndexes]) await db.execute(sql.raw(def));
  console.log(`  rebuilt ${eventIndexes.length + dailyIndexes.length} indexes: ${elapsed(step)}`);
  step = performance.now();
  await rebuildFleetRollups(db);
  const [fleet] = await rows<{ days: number; presence: number }>(
    t,
    sql`select (select count(*)::int from usage_counts) as days, (select count(*)::int from usage_presence) as presence`,
  );
  console.log(
    `  built ${fleet!.days.toLocaleString('en')} usage_counts and ${fleet!.presence.toLocaleString('en')} usage_presence rows: ${elapsed(step)}`,
  );
  step = performance.now();
  for (const table of [
    'usage_event',
    'usage_daily',
    'usage_counts',
    'usage_presence',
    'usage_person',
    'usage_browser',
  ])
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  console.log(`  vacuum analyze: ${elapsed(step)}`);
  // Writing 10 million rows leaves a checkpoint that spreads its writes over the next few minutes
  // (checkpoint_completion_target): the timings would measure that write-back. Finish it first.
  step = performance.now();
  try {
    await db.execute(sql`checkpoint`);
    console.log(`  checkpoint: ${elapsed(step)}`);
  } catch (error) {
    console.log(
      `  checkpoint refused (${(error as Error).message}); timings may include the load's write-back`,
    );
  }
}

/** The calls the dashboard pages make, with the busiest service and browser of this data set. */
async function dashboardCalls(t: TestApp): Promise<Call[]> {
  const [service] = await rows<{ id: string }>(
    t,
    sql`select service_id as id from usage_daily group by 1 order by sum(visits + logins + pastes + uploads + api_calls + warnings + blocks + proceeds) desc limit 1`,
  );
  const [browser] = await rows<{ id: string }>(
    t,
    sql`select device_id as id from usage_daily group by 1 order by sum(visits + logins + pastes + uploads + api_calls + warnings + blocks + proceeds) desc limit 1`,
  );
  const today = t.deps.clock().toISOString().slice(0, 10);
  const from = new Date(t.deps.clock().getTime() - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return [
    { name: 'dashboard 7 days', path: '/api/discovery/dashboard?days=7' },
    { name: 'dashboard 30 days', path: '/api/discovery/dashboard?days=30' },
    { name: 'dashboard 90 days', path: '/api/discovery/dashboard?days=90' },
    { name: 'dashboard 180 days (custom)', path: `/api/discovery/dashboard?from=${from}&to=${today}` },
    { name: 'services table 90 days', path: '/api/discovery/services?days=90' },
    { name: 'busiest service 90 days', path: `/api/discovery/services/${service!.id}?days=90` },
    { name: 'overview 90 days', path: '/api/overview?days=90' },
    { name: 'busiest browser events', path: `/api/devices/${browser!.id}/events` },
  ];
}

async function time(t: TestApp, cookie: string, call: Call): Promise<Figures> {
  const once = async () => {
    const started = performance.now();
    const res = await t.request(call.path, { cookie });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${call.path}: ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const samples: number[] = [];
  const began = performance.now();
  while (samples.length < RUNS) {
    samples.push(await once());
    if (samples.length >= MIN_RUNS && performance.now() - began > CALL_BUDGET_MS) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), runs: samples.length };
}

async function measure(t: TestApp, cookie: string, events: number, devices: number) {
  console.log(`\n${events.toLocaleString('en')} events:`);
  await load(t, events, devices);
  const calls = await dashboardCalls(t);
  const figures = new Map<string, Figures>();
  for (const call of calls) {
    const f = await time(t, cookie, call);
    figures.set(call.name, f);
    console.log(
      `  ${call.name.padEnd(30)} p50 ${fmt(f.p50).padStart(6)} ms  p95 ${fmt(f.p95).padStart(6)} ms  (${f.runs} runs)`,
    );
  }
  return { calls, figures };
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('bench:dashboard needs DATABASE_URL (a PostgreSQL server); nothing measured.');
    process.exit(2);
  }
  if (!Number.isInteger(LARGE) || LARGE < SMALL) throw new Error('--events takes a whole number ≥ 100000');
  console.log(
    `cores: ${availableParallelism()}, load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`command: pnpm bench:dashboard ${args.join(' ')}`.trimEnd());
  console.log(
    `data: ${PEOPLE.toLocaleString('en')} people, 400 services, ${DAYS} days; sizes ${SMALL.toLocaleString('en')} and ${LARGE.toLocaleString('en')} events` +
      (LARGE === 10_000_000 ? '' : `  <-- LARGE SIZE IS NOT 10 MILLION (${quick ? '--quick' : '--events'})`),
  );
  console.log(
    `app: in-process createApp with the real deps on PostgreSQL, signed in as an admin; ${WARMUP} warm-up + up to ${RUNS} runs per call`,
  );
  const t = await createTestApp();
  try {
    const cookie = await t.signInAs('admin');
    const fleet = await seedFleet(t.deps.db, t.deps.clock());
    console.log(`fleet: ${fleet.devices.toLocaleString('en')} browsers, ${fleet.services} services`);
    const small = await measure(t, cookie, SMALL, fleet.devices);
    const large = await measure(t, cookie, LARGE, fleet.devices);

    const sizeName = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
    console.log(
      `\np95 per call (ms), ${sizeName(SMALL)} → ${sizeName(LARGE)} events (goal: < 200 ms at 10M, growth ≤ 2×):`,
    );
    let worst = small.calls[0]!.name;
    for (const call of small.calls) {
      const a = small.figures.get(call.name)!;
      const b = large.figures.get(call.name)!;
      if (b.p95 > large.figures.get(worst)!.p95) worst = call.name;
      console.log(
        `  ${call.name.padEnd(30)} ${fmt(a.p95).padStart(6)} → ${fmt(b.p95).padStart(6)}  growth ${(b.p95 / a.p95).toFixed(1)}×`,
      );
    }
    const a = small.figures.get(worst)!.p95;
    const b = large.figures.get(worst)!.p95;
    console.log(`worst call (largest p95 at ${sizeName(LARGE)}): ${worst}`);
    console.log(
      JSON.stringify({
        p95MsAt100k: Math.round(a),
        p95MsAt10M: Math.round(b),
        growth: Number((b / a).toFixed(1)),
        ...(LARGE === 10_000_000 ? {} : { largeEvents: LARGE }),
      }),
    );
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    if (keep) {
      const [db] = await rows<{ name: string }>(t, sql`select current_database() as name`);
      console.error(`--keep: database ${db!.name} left in place; drop it when done`);
      process.exit(process.exitCode ?? 0);
    }
    await t.close();
  }
}

await main();
