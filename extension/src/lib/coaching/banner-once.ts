import { local } from '../state/local-state';
import { serialized } from '../state/serialized';
import { dayOf } from '../state/utc-day';

/** A banner shows at most once per service per (UTC) day. */
export async function bannerDue(serviceId: string, now = Date.now()): Promise<boolean> {
  const shown = await local.bannerShown.get();
  return shown[serviceId] !== dayOf(now);
}

export function markBannerShown(serviceId: string, now = Date.now()): Promise<void> {
  return serialized(async () => {
    const today = dayOf(now);
    const shown = await local.bannerShown.get();
    // Only today's entries matter; keeps the record from growing.
    const kept = Object.fromEntries(Object.entries(shown).filter(([, d]) => d === today));
    kept[serviceId] = today;
    await local.bannerShown.set(kept);
  });
}
