import { type Exception, getLocal, serialized, setLocal } from '../state/local-state';

/** Services with a live proceed-once exception. Expired ones are ignored (and pruned on the next grant). */
export async function activeExceptionIds(now = Date.now()): Promise<Set<string>> {
  const all = (await getLocal('exceptions')) ?? {};
  return new Set(
    Object.entries(all)
      .filter(([, e]) => e.expiresAt > now)
      .map(([id]) => id),
  );
}

export async function exceptionFor(serviceId: string, now = Date.now()): Promise<Exception | null> {
  const e = (await getLocal('exceptions'))?.[serviceId];
  return e && e.expiresAt > now ? e : null;
}

/** Grants a time-boxed exception, stored with its expiry so it survives restarts and ends on time. */
export function grantException(serviceId: string, minutes: number, justification: string, now = Date.now()) {
  return serialized(async () => {
    const all = (await getLocal('exceptions')) ?? {};
    const kept = Object.fromEntries(Object.entries(all).filter(([, e]) => e.expiresAt > now));
    const exception: Exception = { expiresAt: now + minutes * 60_000, justification, grantedAt: now };
    kept[serviceId] = exception;
    await setLocal('exceptions', kept);
    return exception;
  });
}

/** The earliest expiry still ahead, to wake up and restore the redirect then. */
export async function nextExpiry(now = Date.now()): Promise<number | null> {
  const all = Object.values((await getLocal('exceptions')) ?? {}).filter((e) => e.expiresAt > now);
  return all.length === 0 ? null : Math.min(...all.map((e) => e.expiresAt));
}
