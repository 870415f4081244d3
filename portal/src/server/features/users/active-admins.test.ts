import type { DbHandle, DbOrTx } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import { openTestDb } from '@sightline/db/testing/test-db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anotherActiveAdmin } from './active-admins';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
  await handle.db.insert(user).values([
    { id: 'ada', name: 'Ada', email: 'ada@example.com', role: 'admin' },
    { id: 'bo', name: 'Bo', email: 'bo@example.com', role: 'admin' },
    { id: 'cy', name: 'Cy', email: 'cy@example.com', role: 'admin', disabled: true },
  ]);
});
afterAll(() => handle?.close());

/** Sessions of this database waiting for a lock. */
async function waitingForLocks(): Promise<number> {
  const rows = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return Number((rows as unknown as { n: number }[])[0]?.n ?? 0);
}

/** What a sign-in or a role change does: lock the person, ask, and demote only if another admin stays. */
async function demoteIfAnother(tx: DbOrTx, id: string): Promise<boolean> {
  await tx.select({ id: user.id }).from(user).where(eq(user.id, id)).for('update');
  const another = await anotherActiveAdmin(tx, id);
  if (another) await tx.update(user).set({ role: 'viewer' }).where(eq(user.id, id));
  return another;
}

// Two transactions at once need two connections: PGlite has one, so this runs on PostgreSQL only
// (DATABASE_URL, as in CI).
describe.skipIf(!process.env.DATABASE_URL)('two admins demoted at the same moment (PostgreSQL)', () => {
  it('makes the second wait for the first and see its outcome, so one active admin stays', async () => {
    let checked!: () => void;
    const firstChecked = new Promise<void>((resolve) => {
      checked = resolve;
    });
    const first = handle.db.transaction(async (tx) => {
      const demoted = await demoteIfAnother(tx, 'ada');
      checked();
      // Commit only once the other demotion is waiting: without the shared lock it would not wait,
      // would still see Ada as an admin, and both would go.
      await expect.poll(waitingForLocks, { timeout: 20_000 }).toBeGreaterThan(0);
      return demoted;
    });
    await firstChecked;
    const second = handle.db.transaction((tx) => demoteIfAnother(tx, 'bo'));
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    const admins = await handle.db
      .select({ id: user.id, disabled: user.disabled })
      .from(user)
      .where(eq(user.role, 'admin'));
    // A disabled admin does not count: Bo is the one who can still manage Sightline.
    expect(admins.filter((a) => !a.disabled).map((a) => a.id)).toEqual(['bo']);
  });
});
