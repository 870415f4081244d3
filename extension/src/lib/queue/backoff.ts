export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 30 * 60_000;

/**
 * Delay before the next attempt after `failures` consecutive failures: exponential, capped, with
 * "equal jitter" (half fixed, half random) so a fleet coming back online does not retry in lockstep.
 * Always within [ceiling / 2, ceiling].
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
