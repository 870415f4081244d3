import { browser } from 'wxt/browser';
import { currentCatalog } from '../catalog/current-catalog';
import { apiRequestPatterns, navigationFilters } from '../catalog/site-patterns';
import { onApiRequest, type RequestDetails } from './api-calls';
import { type NavigationDetails, onNavigation } from './navigation';
import { attributeOpenTabs } from './open-tabs';

type Listener = (details: NavigationDetails) => void;

function listeners(logFailure: (what: string) => (error: unknown) => void): {
  committed: Listener;
  history: Listener;
} {
  return {
    committed: (details) => {
      onNavigation(details, 'navigation').catch(logFailure('navigation'));
    },
    history: (details) => {
      onNavigation(details, 'history').catch(logFailure('route change'));
    },
  };
}

/**
 * Navigation listeners for the built-in catalog, registered synchronously at start-up with URL
 * filters: the browser dispatches only catalog sites and AI-looking hosts, so ordinary browsing
 * costs the extension nothing.
 */
export function listenToNavigations(
  builtin: Parameters<typeof navigationFilters>[0],
  logFailure: (what: string) => (error: unknown) => void,
): void {
  const filter = { url: navigationFilters(builtin) };
  const { committed, history } = listeners(logFailure);
  browser.webNavigation.onCommitted.addListener(committed, filter);
  browser.webNavigation.onHistoryStateUpdated.addListener(history, filter);
}

let custom: { committed: Listener; history: Listener; api?: (details: unknown) => undefined } | null = null;

/**
 * The org's custom entries are only known after a storage read, so their sites get a second pair of
 * listeners added once the worker has read them (again at every worker start, and after a policy change),
 * and then the tabs already open on them are attributed (see `attributeOpenTabs`).
 */
export async function listenToCustomEntries(
  logFailure: (what: string) => (error: unknown) => void,
): Promise<void> {
  const catalog = await currentCatalog();
  const customEntries = catalog.entries.filter((e) => catalog.customIds.has(e.id));
  if (custom) {
    browser.webNavigation.onCommitted.removeListener(custom.committed);
    browser.webNavigation.onHistoryStateUpdated.removeListener(custom.history);
    if (custom.api) browser.webRequest.onBeforeRequest.removeListener(custom.api);
    custom = null;
  }
  if (customEntries.length === 0) return;
  custom = listeners(logFailure);
  const filter = { url: navigationFilters(customEntries, false) };
  browser.webNavigation.onCommitted.addListener(custom.committed, filter);
  browser.webNavigation.onHistoryStateUpdated.addListener(custom.history, filter);
  const apiUrls = apiRequestPatterns(customEntries);
  if (apiUrls.length > 0) {
    custom.api = (details) => {
      onApiRequest(details as RequestDetails).catch(logFailure('API call'));
      return undefined;
    };
    browser.webRequest.onBeforeRequest.addListener(custom.api, { urls: apiUrls });
  }
  await attributeOpenTabs(new Set(customEntries.map((e) => e.id)));
}
