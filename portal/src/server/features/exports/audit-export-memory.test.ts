import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { auditLog } from '@sightline/db/schema/audit';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../audit/record-audit';
import { createTestApp, type TestApp } from '../../testing/test-app';

/*
 * A million audit entries come out of the CSV export in bounded memory. Real PostgreSQL only: the
 * point is the database round trips and the stream, and seeding a million rows into in-memory PGlite
 * would measure PGlite's own memory instead.
 *
 * Seeding: one INSERT ... SELECT generate_series. The append-only trigger refuses UPDATE, DELETE and
 * TRUNCATE, not INSERT, so this is allowed; the rows carry placeholder hashes (the chain would not
 * verify, which the export does not need: it streams entries, it does not check them). The database
 * is the test's own throwaway one and is dropped at the end.
 */
const ROWS = 1_000_000;
const LIVE_HEAP_BOUND = 64 * 1024 * 1024;
const HEAP_BOUND = 150 * 1024 * 1024;
/** Garbage collection on demand, to tell memory still held from garbage V8 has not collected yet. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) console.log('audit export memory test skipped: it needs real PostgreSQL in DATABASE_URL');

let t: TestApp;
beforeAll(async () => {
  if (!databaseUrl) return;
  t = await createTestApp();
  await t.signInAs('auditor');
  await t.deps.db.execute(sql`
    insert into audit_log (seq, at, actor_type, actor_id, actor_label, action, target_type, target_id, details, prev_hash, hash)
    select s, to_char(timestamp '2026-01-01' + s * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
           'staff', 'user-' || (s % 97), 'person' || (s % 97) || '@example.test', 'vendor.updated',
           'vendor', md5(s::text), jsonb_build_object('field', 'name', 'to', 'Vendor, "number" ' || s),
           repeat('0', 64), md5(s::text) || md5((s + 1)::text)
    from generate_series((select coalesce(max(seq), 0) + 1 from audit_log),
                         (select coalesce(max(seq), 0) from audit_log) + ${ROWS}) as s`);
}, 600_000);
afterAll(() => t?.close());

describe.skipIf(!databaseUrl)('audit trail export at a million entries', () => {
  it('streams every entry with the heap bounded', async () => {
    const [before] = await t.deps.db.select({ n: count() }).from(auditLog);
    expect(before!.n).toBeGreaterThanOrEqual(ROWS);

    collectGarbage();
    const baseline = process.memoryUsage();
    let peakHeap = baseline.heapUsed;
    let peakLiveHeap = baseline.heapUsed;
    let chunks = 0;
    let peakRss = baseline.rss;
    const started = performance.now();
    const res = await t.request('/api/audit/export.csv', { cookie: await t.signInAs('auditor') });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let lineEnds = 0;
    let bytes = 0;
    let appended = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      // No cell in this data holds a line break, so every CRLF ends one record.
      for (let i = 1; i < value.length; i++) if (value[i] === 0x0a && value[i - 1] === 0x0d) lineEnds++;
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakRss = Math.max(peakRss, now.rss);
      // Every 25 pages, what is still held once garbage is collected: a leak of rows would grow it.
      if (++chunks % 25 === 0) {
        collectGarbage();
        peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
      }
      if (!appended && lineEnds > ROWS / 2) {
        // Appended half way through: after the export's bound, so not in the file.
        appended = true;
        await recordAudit(t.deps.db, { actor: { type: 'system' }, action: 'test.appended_mid_export' });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(
      `audit export: ${lineEnds - 1} rows, ${mb(bytes)} MB of CSV in ${seconds.toFixed(1)} s; ` +
        `heap ${mb(baseline.heapUsed)} → peak ${mb(peakHeap)} MB (+${mb(peakHeap - baseline.heapUsed)}), ` +
        `held after collection peak ${mb(peakLiveHeap)} MB (+${mb(peakLiveHeap - baseline.heapUsed)}), ` +
        `rss ${mb(baseline.rss)} → peak ${mb(peakRss)} MB (+${mb(peakRss - baseline.rss)})`,
    );
    // The header, then every entry that existed when the download started (not the export's own
    // entry, not the one appended half way).
    expect(appended).toBe(true);
    expect(lineEnds).toBe(1 + before!.n);
    // The peak between collections is mostly garbage V8 collects when it likes; what the stream holds
    // is what survives a collection. Both stay far below the ~300 MB the CSV itself weighs.
    expect(peakLiveHeap - baseline.heapUsed).toBeLessThan(LIVE_HEAP_BOUND);
    expect(peakHeap - baseline.heapUsed).toBeLessThan(HEAP_BOUND);
  }, 900_000);
});
