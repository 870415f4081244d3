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

/**
 * The catalog service last recorded per tab (to tell an SPA route change into another service), kept
 * in storage.session under `tab:<id>`. A mirror in memory, loaded from storage when the worker starts,
 * lets ordinary navigations skip storage entirely.
 */
let tabs: Map<number, string> | null = null;

async function tabMirror(): Promise<Map<number, string>> {
  if (tabs) return tabs;
  const all = await browser.storage.session.get(null);
  const loaded = new Map<number, string>();
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith('tab:') && typeof value === 'string') loaded.set(Number(key.slice(4)), value);
  }
  tabs ??= loaded;
  return tabs;
}

export async function swapTabService(tabId: number, serviceId: string): Promise<string | undefined> {
  const mirror = await tabMirror();
  const previous = mirror.get(tabId);
  mirror.set(tabId, serviceId);
  if (previous !== serviceId) await browser.storage.session.set({ [`tab:${tabId}`]: serviceId });
  return previous;
}

/** The tab left catalog services. */
export async function clearTabService(tabId: number): Promise<void> {
  const mirror = await tabMirror();
  if (!mirror.has(tabId)) return;
  mirror.delete(tabId);
  await browser.storage.session.remove(`tab:${tabId}`);
}

/** For tests: forget the in-memory mirror, as a restarted worker would. */
export function forgetTabMirror(): void {
  tabs = null;
}
