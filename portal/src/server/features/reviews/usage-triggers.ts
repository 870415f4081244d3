/**
 * The usage rules that bring a review forward. Pure: the figures come from the daily rollups.
 *
 * Spike: the vendor's services had at least twice as many unique users in the last 30 days as in
 * the 30 days before, and at least SPIKE_MIN_USERS of them. The floor keeps small numbers quiet
 * (1 → 2 users is "double" but no news); a vendor whose use starts from nothing counts from one
 * user, so 0 → 5 fires and 0 → 4 does not.
 */
export const SPIKE_MIN_USERS = 5;

export function isUsageSpike(recentUsers: number, earlierUsers: number): boolean {
  return recentUsers >= SPIKE_MIN_USERS && recentUsers >= 2 * Math.max(earlierUsers, 1);
}

/**
 * Blocked use rising: a service the organisation decided to block keeps being tried, more in the
 * last 7 days than in the 7 before (both counted only from the day after the decision), and at
 * least BLOCKED_MIN_EVENTS times in the last 7: people are working round the decision, or need it.
 */
export const BLOCKED_MIN_EVENTS = 3;

export function isBlockedUseRising(lastWeek: number, weekBefore: number): boolean {
  return lastWeek >= BLOCKED_MIN_EVENTS && lastWeek > weekBefore;
}
