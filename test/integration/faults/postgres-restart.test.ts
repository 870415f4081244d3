import { createHash } from 'node:crypto';
import { createDb, type DbHandle } from '@sightline/db/client';
import { enrollTestDevice } from '@sightline/portal/server/features/extension-api/test-helpers';
import { serveOnLoopback } from '@sightline/portal/server/testing/serve-app';
import {
  createTestApp,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '@sightline/portal/server/testing/test-app';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { compareStored, countByStatus, isSuccess, ms, printFigures } from './fault-figures';
import { storedEvents } from './fault-fleet';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from './private-postgres';
import { startSimulatedBrowsers } from './simulated-browsers';

const BROWSERS = 10;
const BATCH = 50;
/** How long the database stays away (at least; it also waits until every browser was refused once). */
const OUTAGE_MS = 6_000;
/** No answer may take longer than this, outage or not. */
const ANSWER_LIMIT_MS = 5_000;

const binDir = postgresBinDir();
if (!binDir)
  console.info('postgres-restart: skipped, no PostgreSQL server programs (set PG_BIN to their folder)');

describe.skipIf(!binDir)('PostgreSQL restarted while browsers send events', () => {
  let pg: PrivatePostgres;
  let handle: DbHandle;
  let t: TestApp;
  let served: Awaited<ReturnType<typeof serveOnLoopback>>;
  let logged: MockInstance<typeof console.error>[];
  const credentials: string[] = [];
  let staffCookie: string;
  const deviceIds: string[] = [];

  beforeAll(async () => {
    pg = await startPrivatePostgres(binDir!);
    handle = await createDb({ databaseUrl: pg.url });
    // Ten browsers sending as fast as they can would meet the per-device budget; that is not the test.
    t = await createTestApp({ db: handle, env: { DEVICE_REQUESTS_PER_MINUTE: '100000' } });
    for (let i = 0; i < BROWSERS; i++) {
      const dev = await enrollTestDevice(t, `person${i}@example.com`);
      credentials.push(dev.credential);
      deviceIds.push(dev.deviceId);
    }
    staffCookie = await t.signInAs('procurement');
    served = await serveOnLoopback(t.app);
  });

  /** One request during the outage, with what the test asserts about it. */
  async function probe(label: string, url: string, init: RequestInit) {
    const at = performance.now();
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_LIMIT_MS * 3) });
    const body = (await res.json()) as { error?: { code?: string } };
    return {
      label,
      status: res.status,
      ms: performance.now() - at,
      code: body.error?.code,
      retryAfter: res.headers.get('retry-after'),
      requestId: res.headers.get('x-request-id'),
    };
  }

  afterAll(async () => {
    await served?.close();
    await t?.close();
    await handle?.close();
    await pg?.destroy();
  });

  it('answers 503 while the database is away, recovers by itself, and stores every event exactly once', async () => {
    logged = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
    ];
    const browsers = startSimulatedBrowsers({ url: () => served.url, credentials, batchSize: BATCH });
    const everyBrowser = (pass: (device: number) => boolean) => credentials.every((_, i) => pass(i));

    await vi.waitFor(() => expect(Math.min(...browsers.accepted)).toBeGreaterThanOrEqual(3), {
      timeout: 30_000,
      interval: 50,
    });

    await pg.stop();
    const downAt = performance.now();
    // Down for OUTAGE_MS at least, and until every browser has been refused at least once.
    await vi.waitFor(
      () => {
        expect(performance.now() - downAt).toBeGreaterThanOrEqual(OUTAGE_MS);
        expect(
          everyBrowser((d) => browsers.answers.some((a) => a.device === d && a.at > downAt && !isSuccess(a))),
        ).toBe(true);
      },
      { timeout: 60_000, interval: 100 },
    );
    // Staff and vendors meet the same answer: a staff page with a session, a sign-in, the vendor page.
    const probes = [
      await probe('staff GET /api/vendors', `${served.url}/api/vendors`, {
        headers: { cookie: staffCookie },
      }),
      await probe('POST /api/auth/sign-in/email', `${served.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ email: 'procurement@example.test', password: TEST_PASSWORD }),
      }),
      await probe('vendor GET /api/vendor/assessment', `${served.url}/api/vendor/assessment`, {
        headers: { 'x-assessment-token': 'x'.repeat(43) },
      }),
    ];
    const startAt = performance.now();
    await pg.start();
    // pg_ctl reports the server ready a little after it is: a request may get in just before this.
    const upAt = performance.now();

    // Recovers without help: every browser gets a batch in again.
    await vi.waitFor(
      () =>
        expect(
          everyBrowser(
            (d) => browsers.answers.filter((a) => a.device === d && a.at > upAt && isSuccess(a)).length >= 3,
          ),
        ).toBe(true),
      { timeout: 30_000, interval: 50 },
    );
    await browsers.finish();
    const health = await fetch(`${served.url}/api/health`);
    const log = logged.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))).join('\n');
    for (const spy of logged) spy.mockRestore();

    const duringOutage = browsers.answers.filter((a) => a.at > downAt && a.at < startAt);
    const failures = browsers.answers.filter((a) => !isSuccess(a));
    const firstSuccessAfterUp = Math.max(
      0,
      Math.min(
        ...browsers.answers.filter((a) => a.at > downAt && isSuccess(a)).map((a) => a.at + a.ms - upAt),
      ),
    );
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    const stored = await storedEvents(
      sql,
      deviceIds.map((deviceId) => ({ deviceId })),
    );
    await sql.end();
    const tally = compareStored(browsers.sent, stored.events);
    printFigures('postgres-restart', {
      outageMs: ms(startAt - downAt),
      restartMs: ms(upAt - startAt),
      answersDuringOutage: countByStatus(duringOutage),
      failuresByStatus: countByStatus(failures),
      maxAnswerMsDuringOutage: ms(Math.max(...duringOutage.map((a) => a.ms))),
      maxAnswerMsOverall: ms(Math.max(...browsers.answers.map((a) => a.ms))),
      msToFirstSuccessAfterRestart: ms(firstSuccessAfterUp),
      staffAndVendorProbes: probes.map((p) => `${p.label}: ${p.status} in ${ms(p.ms)} ms`),
      ...tally,
      rollupVisits: stored.rollupVisits,
      logLines: log.split('\n').length,
    });

    // The portal is still up, and every refusal was a 503 the extension understands.
    expect(health.status).toBe(200);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(failures.filter((a) => a.status !== 503)).toEqual([]);
    for (const a of failures) {
      expect(a.errorCode).toBe('unavailable');
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(a.requestId).toMatch(/^[\w-]+$/);
    }
    expect(Math.max(...browsers.answers.map((a) => a.ms))).toBeLessThan(ANSWER_LIMIT_MS);
    expect(firstSuccessAfterUp).toBeLessThan(ANSWER_LIMIT_MS);

    for (const p of probes) {
      expect(p, p.label).toMatchObject({ status: 503, code: 'unavailable', retryAfter: '5' });
      expect(p.ms, p.label).toBeLessThan(ANSWER_LIMIT_MS);
      expect(log).toContain(`[${p.requestId}] 503`);
    }

    // Nothing lost, nothing twice, and the daily rollups count exactly the stored events.
    expect(tally).toMatchObject({ lost: 0, duplicates: 0, unexpected: 0 });
    expect(tally.stored).toBe(tally.sent);
    expect(stored.rollupVisits).toBe(tally.stored);

    // Each refusal's request id is in the log, and the log holds no credential, digest or query value.
    for (const a of failures) expect(log).toContain(a.requestId!);
    for (const credential of credentials) {
      expect(log).not.toContain(credential);
      expect(log).not.toContain(createHash('sha256').update(credential).digest('hex'));
    }
    // Nor the staff session's token or the digest it is looked up by.
    expect(log).not.toContain(staffCookie.split('=')[1]!.split('.')[0]!);
    expect(log).not.toMatch(/params:|parameters|sha256:/i);
  }, 150_000);
});
