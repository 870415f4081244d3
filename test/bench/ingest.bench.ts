/**
 * `pnpm bench:ingest [--quick]`: how fast the portal takes usage events, against PostgreSQL's own limit.
 *
 * 1. The limit: the `postgres` driver inserting synthetic events straight into `usage_event`
 *    (`ON CONFLICT DO NOTHING`, 500 rows a statement, as many connections as the portal's pool).
 * 2. The portal, started as its own process like production, receiving 500-event batches from 50
 *    simulated browsers (each its own enrolled device) over HTTP on loopback, driven by autocannon.
 *
 * Rounds alternate the two so both see the same machine load; medians are reported. Needs DATABASE_URL
 * (a PostgreSQL server; a throwaway database is created on it and dropped after).
 * Last line: {"rawEventsPerSec", "portalEventsPerSec", "ratio", "p99Ms"}.
 */
import { availableParallelism, loadavg } from 'node:os';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { buildServer } from '../e2e/support/build-server';
import { type RunningPortal, startPortal } from '../e2e/support/portal-process';
import { median } from './extension-bench-support';
import { enrollFleet, syntheticEvent } from './fleet';
import { pacedLoad } from './paced-load';
import { percentile } from './soak-recorder';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 3;
const SECONDS = quick ? 4 : 10;
const DEVICES = 50;
const BATCH = 500;
const POOL = 10; // the portal's default pool size

const batchHeaders = (credential: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${credential}`,
});

const batchBody = () =>
  JSON.stringify({
    events: Array.from({ length: BATCH }, () => syntheticEvent(Date.now())),
    dropped: 0,
    extensionVersion: 'bench',
  });

/** The driver's ceiling: 500-row inserts on POOL connections for `seconds`, same table, same conflict rule. */
async function rawInsertRate(databaseUrl: string, deviceIds: string[], seconds: number): Promise<number> {
  const sql = postgres(databaseUrl, { max: POOL, onnotice: () => {} });
  const until = Date.now() + seconds * 1000;
  let inserted = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: POOL }, async (_, worker) => {
      while (Date.now() < until) {
        const now = Date.now();
        const rows = Array.from({ length: BATCH }, () => {
          const e = syntheticEvent(now);
          return {
            device_id: deviceIds[worker % deviceIds.length]!,
            client_event_id: e.id,
            kind: e.kind,
            service_id: e.serviceId,
            host: e.host,
            matched_rule: e.matchedRule,
            account_hint: e.accountHint ?? null,
            item_count: e.count ?? null,
            bytes: e.bytes ?? null,
            occurred_at: e.occurredAt,
          };
        });
        const result = await sql`insert into usage_event ${sql(rows)} on conflict do nothing`;
        inserted += result.count;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  await sql.end();
  return inserted / elapsed;
}

/** 50 browsers, each posting its next fresh 500-event batch as soon as the last is answered: the most the portal can take. */
async function flatOutRun(portal: RunningPortal, credentials: string[], seconds: number) {
  let next = 0;
  const result = await autocannon({
    url: `${portal.url}/api/ext/events`,
    connections: credentials.length,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context: { credential?: string }) => {
          context.credential ??= credentials[next++ % credentials.length];
          return { ...req, headers: batchHeaders(context.credential!), body: batchBody() };
        },
      },
    ],
  });
  return {
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
    accepted: result['2xx'],
  };
}

/** The same fleet sending `batchesPerSec` evenly spaced batches (latency at a steady load, without the queue a flat-out run builds). */
async function steadyRun(
  portal: RunningPortal,
  credentials: string[],
  seconds: number,
  batchesPerSec: number,
) {
  const result = await pacedLoad({
    url: `${portal.url}/api/ext/events`,
    ratePerSec: batchesPerSec,
    seconds,
    requestFor: (n) => ({ headers: batchHeaders(credentials[n % credentials.length]!), body: batchBody() }),
  });
  const sorted = result.latenciesMs.sort((a, b) => a - b);
  return {
    p50Ms: Math.round(percentile(sorted, 0.5)),
    p99Ms: Math.round(percentile(sorted, 0.99)),
    refused: result.refused,
    errors: result.errors,
    accepted: result.accepted,
  };
}

/**
 * When the portal finished the batches it had taken: the newest event id (an index probe, where a
 * count over millions of rows would load the machine) unchanged for a second, and when it last moved.
 */
async function settled(newestId: () => Promise<number>): Promise<number> {
  let id = await newestId();
  let at = performance.now();
  for (;;) {
    // Polling for the last batch, not waiting for time to pass: done once a second brings no new row.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await newestId();
    if (now !== id) {
      id = now;
      at = performance.now();
    } else if (performance.now() - at >= 1000) return at;
  }
}

async function main() {
  if (!process.env.DATABASE_URL) {
    console.log('bench:ingest needs DATABASE_URL (a PostgreSQL server); nothing measured.');
    process.exit(2);
  }
  console.log(`cores: ${availableParallelism()}, load average: ${loadavg()[0]?.toFixed(1)}`);
  console.log(
    `command: pnpm bench:ingest${quick ? ' --quick' : ''}  (${ROUNDS} rounds × ${SECONDS} s each side)`,
  );
  buildServer();
  const portal = await startPortal({
    WORKERS: 'off',
    ...(process.env.BENCH_PROFILE ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof' } : {}),
  });
  try {
    const credentials = await enrollFleet(portal, DEVICES);
    const db = postgres(portal.databaseUrl!, { max: 1, onnotice: () => {} });
    const deviceIds = (await db`select id from device order by enrolled_at`).map((r) => r.id as string);

    const raw: number[] = [];
    const served: number[] = [];
    const p99: number[] = [];
    let acceptedBatches = 0;
    const count = async () => Number((await db`select count(*)::int as n from usage_event`)[0]!.n);
    const newestId = async () => Number((await db`select coalesce(max(id), 0) as n from usage_event`)[0]!.n);
    const before = await count();
    for (let round = 1; round <= ROUNDS; round++) {
      const rawRate = await rawInsertRate(portal.databaseUrl!, deviceIds, SECONDS);
      // Flat out: events/s from what the database holds afterwards (batches still in flight when the
      // load generator stops are stored too, so counting answered requests would under-count).
      const fromCount = await count();
      const started = performance.now();
      const flatOut = await flatOutRun(portal, credentials, SECONDS);
      // The 50 batches in flight when the load generator stops are still being stored: wait for them,
      // both to count them and so the steady run below does not start behind that queue (it did, and
      // its p99 was the queue's ~1 s rather than the portal's own latency).
      const finishedAt = await settled(newestId);
      const eventsPerSec = ((await count()) - fromCount) / ((finishedAt - started) / 1000);
      // Steady: the same fleet at half that rate, for the latency a browser sees on a busy portal.
      const steadyRate = Math.max(1, Math.round(eventsPerSec / BATCH / 2));
      const steady = await steadyRun(portal, credentials, SECONDS, steadyRate);
      acceptedBatches += flatOut.accepted + steady.accepted;
      raw.push(rawRate);
      served.push(eventsPerSec);
      p99.push(steady.p99Ms);
      console.log(
        `round ${round}: raw ${Math.round(rawRate)} ev/s | portal flat out ${Math.round(eventsPerSec)} ev/s ` +
          `(p50 ${flatOut.p50Ms} ms, p99 ${flatOut.p99Ms} ms with 50 batches always in flight) | ` +
          `steady ${steadyRate} batches/s: p50 ${steady.p50Ms} ms, p99 ${steady.p99Ms} ms | ` +
          `refused ${flatOut.refused + steady.refused}, errors ${flatOut.errors + steady.errors}`,
      );
    }
    const stored = Number((await db`select count(*)::int as n from usage_event`)[0]!.n) - before;
    await db.end();
    const rawMedian = median(raw);
    const portalMedian = median(served);
    console.log(
      `raw insert (postgres driver, ${POOL} connections): median ${Math.round(rawMedian)} events/s`,
    );
    console.log(`portal (${DEVICES} browsers, HTTP): median ${Math.round(portalMedian)} events/s`);
    console.log(
      `ratio portal/raw: ${(portalMedian / rawMedian).toFixed(2)} (goal ≥ 0.5); p99 per batch at half the flat-out rate: ${median(p99)} ms (goal < 300)`,
    );
    console.log(`rows added (raw inserts + ${acceptedBatches} accepted batches of ${BATCH}): ${stored}`);
    console.log(
      JSON.stringify({
        rawEventsPerSec: Math.round(rawMedian),
        portalEventsPerSec: Math.round(portalMedian),
        ratio: Number((portalMedian / rawMedian).toFixed(2)),
        p99Ms: median(p99),
      }),
    );
  } finally {
    await portal.stop();
  }
}

await main();
