/** A portal that asks for a longer wait than this is misconfigured; try again within the hour anyway. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * The wait a `Retry-After` header asks for, in milliseconds: whole seconds or an HTTP date
 * (RFC 9110 §10.2.3). Null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  // An HTTP date always names a weekday and month; anything else that is not whole seconds is junk
  // (Date.parse would read "-5" as a year).
  const ms = /^\d+$/.test(value)
    ? Number(value) * 1000
    : /^[A-Za-z]{3}, /.test(value)
      ? Date.parse(value) - now
      : Number.NaN;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
