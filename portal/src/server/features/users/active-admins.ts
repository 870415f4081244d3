import type { DbOrTx } from '@sightline/db/client';
import { user } from '@sightline/db/schema/auth';
import { and, eq, ne, sql } from 'drizzle-orm';

/** Held by every change that could take the admin role from someone, until its transaction ends. */
const ADMIN_ROLE_LOCK_KEY = 7_100_043;

/**
 * Whether an active admin other than `userId` exists. Call it inside the transaction that would take
 * the admin role from `userId` (a role change, disabling, a sign-in whose groups give another role),
 * after locking that person's row: it takes a lock that those changes share, so two of them at once
 * (two admins demoted at the same moment, on two instances) run one after the other and the second
 * sees the first one's outcome. One active admin always stays.
 */
export async function anotherActiveAdmin(tx: DbOrTx, userId: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_ROLE_LOCK_KEY})`);
  const others = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, 'admin'), eq(user.disabled, false), ne(user.id, userId)))
    .limit(1);
  return others.length > 0;
}
