import { browser } from 'wxt/browser';
import { serialized } from '../state/serialized';

/**
 * Which page load an event is about. Chromium names the document (`documentId`, the same in every
 * listener's copy of a navigation event and in `webNavigation.getFrame`); every navigation event also
 * carries its `timeStamp`. Firefox has no document ids, so there only the time stamp tells two copies of
 * one event apart, and the open-tab pass knows neither.
 */
export type PageLoad = { tabId: number; url: string; documentId?: string; timeStamp?: number };

/** How long after the open-tab pass counted a page its navigation event may still arrive (no ids). */
export const LATE_NAVIGATION_WINDOW_MS = 10_000;

type Claim = {
  page: string;
  at: number;
  by: 'navigation' | 'open-tab';
  doc?: string | undefined;
  ts?: number | undefined;
};

/** FNV-1a: the URL only needs telling apart, and is not kept in any form that can be read back. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * Whether two claims are the same page load: true or false when the ids tell, undefined when they
 * cannot (no document ids, and not two navigation events). The same document with two different
 * navigation time stamps is a return to it from the back-forward cache: a new visit.
 */
function sameLoad(previous: Claim, current: Claim): boolean | undefined {
  if (previous.doc && current.doc)
    return (
      previous.doc === current.doc &&
      (previous.ts === undefined || current.ts === undefined || previous.ts === current.ts)
    );
  if (previous.ts !== undefined && current.ts !== undefined) return previous.ts === current.ts;
  return undefined;
}

/**
 * Whether a page load in a tab is still to be counted, decided and recorded in one step (serialized,
 * kept in storage.session under `load:<tab>` before anything is queued), so that however the paths
 * interleave a page load is counted once. A navigation event can arrive twice (the built-in and the
 * org's listeners both match a custom service on an AI-looking host) and after the open-tab pass at
 * worker start-up has already counted the page; each later path finds the claim and counts nothing.
 * A reload is a new document, and counts. Without ids (Firefox's open-tab pass), the same page in the
 * tab counts once for the open-tab pass, and a navigation soon after the pass counts nothing.
 */
export function claimPageLoad(load: PageLoad, by: Claim['by'], now = Date.now()): Promise<boolean> {
  const key = `load:${load.tabId}`;
  return serialized(async () => {
    const previous = (await browser.storage.session.get(key))[key] as Claim | undefined;
    const current: Claim = {
      page: fingerprint(load.url),
      at: now,
      by,
      doc: load.documentId,
      ts: load.timeStamp,
    };
    if (previous) {
      const same = sameLoad(previous, current);
      if (same) {
        // Keep the navigation's time stamp, so a later return from the back-forward cache tells apart.
        if (previous.ts === undefined && current.ts !== undefined)
          await browser.storage.session.set({ [key]: { ...previous, ts: current.ts } });
        return false;
      }
      if (same === undefined && previous.page === current.page) {
        if (by === 'open-tab') return false;
        if (previous.by === 'open-tab' && now - previous.at < LATE_NAVIGATION_WINDOW_MS) return false;
      }
    }
    await browser.storage.session.set({ [key]: current });
    return true;
  });
}

/** The document shown in a tab's main frame (Chromium), for the open-tab pass. */
export async function mainFrameDocument(tabId: number): Promise<string | undefined> {
  try {
    const frame = await browser.webNavigation.getFrame({ tabId, frameId: 0 });
    return (frame as { documentId?: string } | null)?.documentId;
  } catch {
    return undefined;
  }
}
