import { browser } from 'wxt/browser';
import { serialized } from '../state/local-state';

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

/** How long after the open-tab pass counted a page its navigation event may still arrive. */
export const LATE_NAVIGATION_WINDOW_MS = 10_000;

/** FNV-1a: the URL only needs telling apart, and is not kept in any form that can be read back. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

type PageLoadClaim = { page: string; at: number; by: 'navigation' | 'open-tab' };

/**
 * Whether a page load in a tab is still to be counted. A navigation event always counts (a reload is a
 * visit), except when the open-tab pass at worker start-up counted the same page moments before: the
 * browser may deliver the navigation that woke the worker after that pass. The open-tab pass counts a
 * page only if nothing counted that page in that tab yet. Kept in storage.session under `load:<tab>`.
 */
export function claimPageLoad(
  tabId: number,
  url: string,
  by: PageLoadClaim['by'],
  now = Date.now(),
): Promise<boolean> {
  const key = `load:${tabId}`;
  return serialized(async () => {
    const previous = (await browser.storage.session.get(key))[key] as PageLoadClaim | undefined;
    const page = fingerprint(url);
    if (previous?.page === page) {
      if (by === 'open-tab') return false;
      if (previous.by === 'open-tab' && now - previous.at < LATE_NAVIGATION_WINDOW_MS) return false;
    }
    await browser.storage.session.set({ [key]: { page, at: now, by } satisfies PageLoadClaim });
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
