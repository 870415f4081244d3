import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedMigrationCount, createDb, type DbHandle, rowsOf, withoutStatementTimeout } from './client';
import { shippedMigrationCount } from './migrations-journal';
import { orgSettings } from './schema/org';
import { openTestDb } from './testing/test-db';

// Each driver path must migrate a fresh database to the shipped level and read and write through drizzle.
const targets: { name: string; open: () => Promise<DbHandle> }[] = [
  { name: 'pglite', open: () => createDb({}) },
];
if (process.env.DATABASE_URL) targets.push({ name: 'postgres', open: openTestDb });
else console.info('db client test: DATABASE_URL unset, the postgres path runs only in CI / with a server');

describe.each(targets)('createDb on $name', ({ open }) => {
  let handle: DbHandle;
  afterAll(async () => handle?.close());

  it('migrates to the shipped level and round-trips a row', async () => {
    handle = await open();
    expect(handle.kind).toBe(process.env.DATABASE_URL && open === openTestDb ? 'postgres' : 'pglite');
    expect(await appliedMigrationCount(handle.db)).toBe(shippedMigrationCount());
    await handle.db
      .insert(orgSettings)
      .values({ id: 1, pseudonymSecret: 'x', name: 'Acme' })
      .onConflictDoUpdate({ target: orgSettings.id, set: { name: 'Acme' } });
    const [row] = await handle.db.select().from(orgSettings);
    expect(row?.name).toBe('Acme');
    expect(row?.tierThresholds).toEqual({ critical: 70, high: 40, medium: 20 });
  });

  it('bounds statements on a PostgreSQL server (a runaway query must not hold a connection for good)', async () => {
    if (handle.kind !== 'postgres') return;
    const [row] = rowsOf<{ statement_timeout: string }>(await handle.db.execute(sql`show statement_timeout`));
    expect(row?.statement_timeout).toBe('30s');
    await expect(
      withoutStatementTimeout(handle.db, async (tx) =>
        rowsOf<{ statement_timeout: string }>(await tx.execute(sql`show statement_timeout`)),
      ),
    ).resolves.toEqual([{ statement_timeout: '0' }]);
  });

  it('refuses to change or delete audit entries', async () => {
    await handle.db.execute(
      sql`insert into audit_log (seq, at, actor_type, action, prev_hash, hash) values (1, '2026-01-01T00:00:00.000Z', 'system', 'test', '', 'h')`,
    );
    await expect(handle.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toSatisfy(
      mentionsAppendOnly,
    );
    await expect(handle.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toSatisfy(
      mentionsAppendOnly,
    );
    const rows = rowsOf<{ action: string }>(await handle.db.execute(sql`select action from audit_log`));
    expect(rows.map((r) => r.action)).toEqual(['test']);
  });
});

/** drizzle wraps driver errors; the trigger's message is on the cause. */
function mentionsAppendOnly(error: unknown): boolean {
  const cause = (error as { cause?: { message?: string } }).cause;
  return /append-only/.test(`${(error as Error).message} ${cause?.message ?? ''}`);
}
