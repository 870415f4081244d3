import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDb, type DbHandle, rowsOf } from '@sightline/db/client';
import { recordAudit } from '@sightline/portal/server/audit/record-audit';
import { verifyAuditChain } from '@sightline/portal/server/audit/verify-audit';
import {
  createVendor,
  sendAssessment,
  vendorCall,
} from '@sightline/portal/server/features/assessments/assessment-test-kit';
import { ensureEventPartitions } from '@sightline/portal/server/features/extension-api/event-partitions';
import { enrollTestDevice, testEvent } from '@sightline/portal/server/features/extension-api/test-helpers';
import { ensureBuiltInTemplates } from '@sightline/portal/server/features/templates/templates-service';
import { createTestApp, type TestApp } from '@sightline/portal/server/testing/test-app';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;

/** pg_dump and pg_restore: on PATH, else in the newest /usr/lib/postgresql/<version>/bin. */
function postgresClientBin(program: 'pg_dump' | 'pg_restore'): string {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', program))) return join(root, version, 'bin', program);
  throw new Error(`${program} not found on PATH or under ${root}/<version>/bin`);
}

/** Row counts of every table and partition the portal owns (public and drizzle's own schema). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await client<{ name: string }[]>`
      select format('%I.%I', n.nspname, c.relname) as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'drizzle')
      order by 1`;
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await client.unsafe<{ n: number }[]>(`select count(*)::int as n from ${name}`);
      counts[name] = row!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
function databaseUrl(name: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

describe.skipIf(!serverUrl)('backup with pg_dump, restore with pg_restore into a fresh database', () => {
  let t: TestApp;
  let sourceUrl: string;
  const restoredName = `sl_restore_${process.pid}_${Date.now()}`;
  let restored: DbHandle | undefined;
  const folder = mkdtempSync(join(tmpdir(), 'sl-backup-'));

  beforeAll(async () => {
    // A clock in the middle of a month: events from the two months before land in partitions of their own.
    t = await createTestApp({ start: new Date('2026-11-20T10:00:00.000Z') });
    await ensureBuiltInTemplates(t.deps.db);
    const [db] = rowsOf<{ name: string }>(await t.deps.db.execute(sql`select current_database() as name`));
    sourceUrl = databaseUrl(db!.name);

    // Vendors and an assessment under way, with a saved answer.
    for (const name of ['Acme AI Ltd', 'Globex Models', '深度求索 Ølberg']) await createVendor(t, name);
    const vendorId = await createVendor(t, 'Initech Inference');
    const sent = await sendAssessment(t, vendorId);
    const saved = await vendorCall(t, sent.token, '/api/vendor/answers', {
      method: 'PUT',
      json: {
        answers: { 'prov.models': { value: 'Drafting contracts' } },
        baseRevisions: { 'prov.models': 0 },
      },
    });
    expect(saved.status).toBe(200);

    // Usage from three browsers over three months; the older months get their partitions afterwards,
    // as the partition worker does, which moves their rows out of the default partition.
    const months = ['2026-09-14T09:00:00.000Z', '2026-10-14T09:00:00.000Z', '2026-11-14T09:00:00.000Z'];
    for (const person of ['ada', 'bob', 'cy']) {
      const dev = await enrollTestDevice(t, `${person}@example.com`);
      const events = months.flatMap((at) =>
        Array.from({ length: 40 }, (_, i) =>
          testEvent({ occurredAt: new Date(Date.parse(at) + i * 60_000).toISOString() }),
        ),
      );
      const res = await t.request('/api/ext/events', {
        method: 'POST',
        headers: dev.auth,
        json: { events, dropped: 0, extensionVersion: '0.1.0' },
      });
      expect(res.status).toBe(200);
    }
    await ensureEventPartitions({ db: t.deps.db, now: new Date('2026-09-01T00:00:00.000Z') });
  });

  afterAll(async () => {
    await restored?.close();
    await t?.close();
    rmSync(folder, { recursive: true, force: true });
    const server = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await server.unsafe(`drop database if exists ${restoredName} with (force)`);
    await server.end();
  });

  it('restores every row, each month in its partition, and an audit chain that still verifies', async () => {
    const before = await rowCounts(sourceUrl);
    // The data this test is about is really there (and spread over several partitions).
    expect(before['public.vendor']).toBe(4);
    expect(before['public.assessment']).toBe(1);
    expect(before['public.audit_log']).toBeGreaterThanOrEqual(10);
    expect(before['public.usage_event']).toBe(360);
    const monthly = ['usage_event_p2026_09', 'usage_event_p2026_10', 'usage_event_p2026_11'];
    for (const partition of monthly) expect(before[`public.${partition}`]).toBe(120);
    const chainBefore = await verifyAuditChain(t.deps.db);
    expect(chainBefore.ok).toBe(true);

    const dump = join(folder, 'sightline.dump');
    await run(postgresClientBin('pg_dump'), ['--format=custom', `--file=${dump}`, sourceUrl]);
    const server = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await server.unsafe(`create database ${restoredName}`);
    await server.end();
    await run(postgresClientBin('pg_restore'), [
      '--no-owner',
      '--exit-on-error',
      `--dbname=${databaseUrl(restoredName)}`,
      dump,
    ]);

    expect(await rowCounts(databaseUrl(restoredName))).toEqual(before);

    // The portal opens the restored database as it is: nothing left to migrate, the chain intact.
    restored = await createDb({ databaseUrl: databaseUrl(restoredName), poolSize: 2 });
    expect(await rowCounts(databaseUrl(restoredName))).toEqual(before);
    const chainAfter = await verifyAuditChain(restored.db);
    expect(chainAfter).toEqual(chainBefore);

    // And it carries on: a new entry links to the restored ones, and ids continue where they were.
    await recordAudit(restored.db, { actor: { type: 'system' }, action: 'backup.restored' });
    const extended = await verifyAuditChain(restored.db);
    expect(extended).toMatchObject({ ok: true, checked: chainBefore.checked + 1 });
    await restored.db.execute(
      sql`insert into usage_event (device_id, client_event_id, kind, service_id, host, occurred_at)
          select device_id, gen_random_uuid(), kind, service_id, host, occurred_at from usage_event limit 1`,
    );
    const [events] = rowsOf<{ n: number }>(
      await restored.db.execute(sql`select count(*)::int as n from usage_event`),
    );
    expect(events!.n).toBe(361);
  });
});
