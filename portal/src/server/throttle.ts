import type { DbOrTx } from '@sightline/db/client';
import { throttleBucket } from '@sightline/db/schema/throttle';
import { eq, sql } from 'drizzle-orm';

export type ThrottleRule = { limit: number; windowMs: number };

/**
 * Counts a hit against `key` in a fixed window shared by every instance (one upsert, atomic in the
 * database); a window lasts exactly `windowMs`. Returns whether the caller is still within the limit.
 */
export async function hitThrottle(db: DbOrTx, key: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  return (await countHit(db, key, rule, now)).allowed;
}

/**
 * `hitThrottle` that also says when the current window ends, so a refused caller can be told how
 * long to wait (`Retry-After`) instead of guessing and trying again too early.
 */
export async function countHit(
  db: DbOrTx,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const [row] = await db
    .insert(throttleBucket)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: throttleBucket.key,
      set: {
        hits: sql`case when ${throttleBucket.windowStartedAt} <= ${windowStart.toISOString()} then 1 else ${throttleBucket.hits} + 1 end`,
        windowStartedAt: sql`case when ${throttleBucket.windowStartedAt} <= ${windowStart.toISOString()} then ${now.toISOString()}::timestamptz else ${throttleBucket.windowStartedAt} end`,
      },
    })
    .returning({ hits: throttleBucket.hits, windowStartedAt: throttleBucket.windowStartedAt });
  const startedAt = row?.windowStartedAt.getTime() ?? now.getTime();
  return {
    allowed: (row?.hits ?? 1) <= rule.limit,
    retryAfterMs: Math.max(0, startedAt + rule.windowMs - now.getTime()),
  };
}

/** Whether `key` is already over its limit, without counting a hit. */
export async function isThrottled(db: DbOrTx, key: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  const [row] = await db.select().from(throttleBucket).where(eq(throttleBucket.key, key));
  if (!row) return false;
  if (row.windowStartedAt.getTime() <= now.getTime() - rule.windowMs) return false;
  return row.hits >= rule.limit;
}

/**
 * Gives back one hit counted in advance by `hitThrottle`, for an attempt that turned out not to count
 * (a successful sign-in). Never below zero.
 */
export async function releaseThrottle(db: DbOrTx, key: string): Promise<void> {
  await db
    .update(throttleBucket)
    .set({ hits: sql`greatest(${throttleBucket.hits} - 1, 0)` })
    .where(eq(throttleBucket.key, key));
}

export async function clearThrottle(db: DbOrTx, key: string): Promise<void> {
  await db.delete(throttleBucket).where(eq(throttleBucket.key, key));
}
