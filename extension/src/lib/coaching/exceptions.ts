import { local } from '../state/local-state';
import { serialized } from '../state/serialized';
import type { Exception } from '../state/stored-shapes';

/** Services with a live proceed-once exception. Expired ones are ignored (and pruned on the next grant). */
export async function activeExceptionIds(now = Date.now()): Promise<Set<string>> {
  const all = await local.exceptions.get();
  return new Set(
    Object.entries(all)
      .filter(([, e]) => e.expiresAt > now)
      .map(([id]) => id),
  );
}

export async function exceptionFor(serviceId: string, now = Date.now()): Promise<Exception | null> {
  const e = (await local.exceptions.get())[serviceId];
  return e && e.expiresAt > now ? e : null;
}

/**
 * Grants a time-boxed exception, stored with its expiry so it survives restarts and ends on time. The
 * person's justification is asked for (a moment's thought before proceeding) but not kept: nothing
 * reads it, and events carry no free text.
 */
export function grantException(serviceId: string, minutes: number, now = Date.now()) {
  return serialized(async () => {
    const all = await local.exceptions.get();
    const kept = Object.fromEntries(Object.entries(all).filter(([, e]) => e.expiresAt > now));
    const exception: Exception = { expiresAt: now + minutes * 60_000, grantedAt: now };
    kept[serviceId] = exception;
    await local.exceptions.set(kept);
    return exception;
  });
}

/** The earliest expiry still ahead, to wake up and restore the redirect then. */
export async function nextExpiry(now = Date.now()): Promise<number | null> {
  const all = Object.values(await local.exceptions.get()).filter((e) => e.expiresAt > now);
  return all.length === 0 ? null : Math.min(...all.map((e) => e.expiresAt));
}
