import { isServiceMatch } from '@sightline/shared/catalog/classification';
import { browser } from 'wxt/browser';
import { currentCatalog } from '../catalog/current-catalog';
import { tabService } from './dedupe';
import { onNavigation } from './navigation';
import { mainFrameDocument } from './page-load-claim';

/**
 * The org's custom entries are known only after a storage read, so their navigation listeners are added
 * after the worker's first turn, too late for the navigation that woke a stopped worker (the browser
 * still wakes it: it remembers the listener's URL filter). Once the listeners are in place, the tabs
 * already open on one of those services and not yet attributed to it are recorded as the navigation
 * would have been, naming the document shown so that its navigation event, should it still arrive, is
 * recognised (see `claimPageLoad`). What a tab was on is kept in storage.session, so a worker restarting
 * every few minutes does not record the same tab again.
 */
export async function attributeOpenTabs(serviceIds: ReadonlySet<string>): Promise<number> {
  if (serviceIds.size === 0) return 0;
  const catalog = await currentCatalog();
  let recorded = 0;
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url) continue;
    const match = catalog.classifyUrl(tab.url);
    if (!isServiceMatch(match) || match.matchKind === 'api' || !serviceIds.has(match.serviceId)) continue;
    if ((await tabService(tab.id)) === match.serviceId) continue;
    const documentId = await mainFrameDocument(tab.id);
    await onNavigation(
      { tabId: tab.id, frameId: 0, url: tab.url, ...(documentId ? { documentId } : {}) },
      'open-tab',
    );
    recorded++;
  }
  return recorded;
}
