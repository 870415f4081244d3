import { browser } from 'wxt/browser';
import { serialized } from '../state/local-state';

const KEY = 'dedupe';

/**
 * True the first time `key` is seen within `windowMs`. Kept in storage.session (survives the worker
 * being stopped; cleared with the browser session), pruned as it goes.
 */
export function firstInWindow(key: string, windowMs: number, now = Date.now()): Promise<boolean> {
  return serialized(async () => {
    const got = await browser.storage.session.get(KEY);
    const seen = (got[KEY] ?? {}) as Record<string, number>;
    const last = seen[key];
    if (last !== undefined && now - last < windowMs) return false;
    const kept: Record<string, number> = {};
    for (const [k, at] of Object.entries(seen)) if (now - at < windowMs * 4) kept[k] = at;
    kept[key] = now;
    await browser.storage.session.set({ [KEY]: kept });
    return true;
  });
}

/** The catalog service last recorded for a tab, to tell an SPA route change into another service. */
export async function swapTabService(
  tabId: number,
  serviceId: string | null,
): Promise<string | null | undefined> {
  return serialized(async () => {
    const got = await browser.storage.session.get('tabService');
    const map = (got.tabService ?? {}) as Record<string, string | null>;
    const previous = map[String(tabId)];
    map[String(tabId)] = serviceId;
    await browser.storage.session.set({ tabService: map });
    return previous;
  });
}
