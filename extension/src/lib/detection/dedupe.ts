import { browser } from 'wxt/browser';
import { serialized } from '../state/serialized';

/**
 * True the first time `key` is seen within `windowMs`. Kept in storage.session (survives the worker
 * being stopped; cleared with the browser session), pruned as it goes. Each window length has a bucket
 * of its own, so pruning for a short window never forgets a key of a longer one.
 */
export function firstInWindow(key: string, windowMs: number, now = Date.now()): Promise<boolean> {
  const bucket = `dedupe:${windowMs}`;
  return serialized(async () => {
    const got = await browser.storage.session.get(bucket);
    const seen = (got[bucket] ?? {}) as Record<string, number>;
    const last = seen[key];
    if (last !== undefined && now - last < windowMs) return false;
    const kept: Record<string, number> = {};
    for (const [k, at] of Object.entries(seen)) if (now - at < windowMs * 4) kept[k] = at;
    kept[key] = now;
    await browser.storage.session.set({ [bucket]: kept });
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
  const [all, open] = await Promise.all([browser.storage.session.get(null), browser.tabs.query({})]);
  const openIds = new Set(open.map((t) => t.id));
  const loaded = new Map<number, string>();
  const closed: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    const match = /^(tab|load):(\d+)$/.exec(key);
    if (!match) continue;
    const tabId = Number(match[2]);
    // Tabs closed since: forgotten here, once per worker start, rather than waking the worker on every
    // tab close with a tabs.onRemoved listener.
    if (!openIds.has(tabId)) closed.push(key);
    else if (match[1] === 'tab' && typeof value === 'string') loaded.set(tabId, value);
  }
  if (closed.length > 0) await browser.storage.session.remove(closed);
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

/** The catalog service last recorded for a tab, if any. */
export async function tabService(tabId: number): Promise<string | undefined> {
  return (await tabMirror()).get(tabId);
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
