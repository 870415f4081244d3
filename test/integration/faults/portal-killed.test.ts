import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningPortal, startPortal } from '../../e2e/support/portal-process';
import { compareStored, countByStatus, isSuccess, ms, printFigures } from './fault-figures';
import { enrollDevices, storedEvents } from './fault-fleet';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from './private-postgres';
import { startSimulatedBrowsers } from './simulated-browsers';

const BROWSERS = 5;
const BATCH = 50;

const binDir = postgresBinDir();
if (!binDir)
  console.info('portal-killed: skipped, no PostgreSQL server programs (set PG_BIN to their folder)');

describe.skipIf(!binDir)('the portal process killed in the middle of a batch', () => {
  let pg: PrivatePostgres;
  let portal: RunningPortal;
  let sql: postgres.Sql;

  beforeAll(async () => {
    pg = await startPrivatePostgres(binDir!);
    sql = postgres(pg.url, { max: 2, onnotice: () => {} });
    portal = await startPortal(
      { WORKERS: 'off', DEVICE_REQUESTS_PER_MINUTE: '100000' },
      { databaseUrl: pg.url },
    );
  });

  afterAll(async () => {
    await portal?.stop();
    await sql?.end({ timeout: 5 });
    await pg?.destroy();
  });

  it('is restarted, and the browsers’ retries bring every event to exactly once', async () => {
    const fleet = await enrollDevices(portal.url, portal.admin, BROWSERS);
    const browsers = startSimulatedBrowsers({
      url: () => portal.url,
      credentials: fleet.map((d) => d.credential),
      batchSize: BATCH,
    });
    await vi.waitFor(() => expect(Math.min(...browsers.accepted)).toBeGreaterThanOrEqual(2), {
      timeout: 30_000,
      interval: 50,
    });

    // Hold browser 0's device row (FOR NO KEY UPDATE lets the events' and rollups' foreign keys
    // through): its next batch's statement inserts its events and rollups, then waits to update the
    // device (the statement's last step). Kill the portal right there, mid-batch.
    const held = await sql.reserve();
    await held`begin`;
    await held`select 1 from device where id = ${fleet[0]!.deviceId} for no key update`;
    const before = browsers.accepted[0]!;
    await vi.waitFor(
      async () => {
        const [waiting] = await sql<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query ilike '%insert into usage_event%'`;
        expect(waiting!.n).toBe(1);
      },
      { timeout: 20_000, interval: 50 },
    );
    const [inFlight] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_locks l join pg_stat_activity a using (pid)
      where a.wait_event_type = 'Lock' and l.relation = 'usage_event'::regclass`;
    const killedAt = performance.now();
    await portal.kill();
    await held`rollback`;
    held.release();

    const restartAt = performance.now();
    await portal.resume();
    const upAt = performance.now();
    await vi.waitFor(() => expect(browsers.accepted.every((n, i) => n > (i === 0 ? before : 0))).toBe(true), {
      timeout: 30_000,
      interval: 50,
    });
    await vi.waitFor(
      () =>
        expect(
          fleet.every((_, d) => browsers.answers.some((a) => a.device === d && a.at > upAt && isSuccess(a))),
        ).toBe(true),
      { timeout: 30_000, interval: 50 },
    );
    await browsers.finish();

    const afterKill = browsers.answers.filter((a) => a.at > killedAt - 1 && a.at < upAt);
    const stored = await storedEvents(sql, fleet);
    const tally = compareStored(browsers.sent, stored.events);
    printFigures('portal-killed', {
      msToRestart: ms(upAt - restartAt),
      answersWhileDown: countByStatus(afterKill),
      batchHeldAtKill: inFlight!.n > 0,
      ...tally,
      rollupVisits: stored.rollupVisits,
    });

    expect(inFlight!.n).toBe(1);
    expect(tally).toMatchObject({ lost: 0, duplicates: 0, unexpected: 0 });
    expect(tally.stored).toBe(tally.sent);
    expect(stored.rollupVisits).toBe(tally.stored);
    // Browser 0's batch that was cut off was sent again after the restart and counted once.
    expect(browsers.answers.some((a) => a.device === 0 && a.status === 0)).toBe(true);
    expect(browsers.accepted[0]).toBeGreaterThan(before);
  }, 150_000);
});
