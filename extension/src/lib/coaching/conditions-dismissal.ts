import { local } from '../state/local-state';
import { serialized } from '../state/serialized';

/**
 * The person's own calendar day, in the browser's time zone. "Hide for today" is a promise made to a
 * person: it must end at their midnight. A UTC day would end mid-morning in Asia or mid-evening in
 * the Americas (the once-a-day reminder in banner-once.ts can use UTC; nobody is promised anything).
 */
export function localDayOf(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Whether the conditions banner of this service was hidden earlier today. */
export async function dismissedToday(serviceId: string, now = Date.now()): Promise<boolean> {
  const dismissed = await local.bannerDismissed.get();
  return dismissed[serviceId] === localDayOf(now);
}

/** Hides the conditions banner of this service until the next local day. */
export function dismissForToday(serviceId: string, now = Date.now()): Promise<void> {
  return serialized(async () => {
    const today = localDayOf(now);
    const dismissed = await local.bannerDismissed.get();
    // Only today's entries matter; keeps the record from growing.
    const kept = Object.fromEntries(Object.entries(dismissed).filter(([, day]) => day === today));
    kept[serviceId] = today;
    await local.bannerDismissed.set(kept);
  });
}
