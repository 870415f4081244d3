import { isServiceMatch } from '@sightline/shared/catalog/classification';
import { browser } from 'wxt/browser';
import { currentCatalog } from '../catalog/current-catalog';
import { exceptionFor } from '../coaching/exceptions';
import { ruleTargets } from '../dnr/apply-rules';
import { hostOf } from '../events/make-event';
import { record } from '../events/record';
import { decideAction } from '../policy/decide';
import { serviceEntry } from '../policy/effective-policy';
import { loadContext } from '../runtime-context';
import { noteCandidate } from './candidates';
import { clearTabService, swapTabService } from './dedupe';
import { claimPageLoad, type PageLoad } from './page-load-claim';

/** What a webNavigation event (or the open-tab pass) tells; the browser's own details object fits. */
export type NavigationDetails = PageLoad & { frameId: number };

/**
 * A main-frame navigation (committed), a page already open when the worker starts (`open-tab`), or an
 * SPA route change (history state) to a web page: records a visit for catalog services, and notes
 * AI-looking hosts the catalog does not know as candidates. Route changes count only when they move the
 * tab into another service.
 */
export async function onNavigation(
  details: NavigationDetails,
  how: 'navigation' | 'open-tab' | 'history',
  now = Date.now(),
): Promise<void> {
  if (details.frameId !== 0) return;
  const host = hostOf(details.url);
  if (!host) return;
  // Ordinary pages are most navigations: classify from the cached catalog before loading anything else.
  const catalog = await currentCatalog();
  const match = catalog.classifyUrl(details.url);
  if (!isServiceMatch(match) || match.matchKind === 'api') {
    await clearTabService(details.tabId);
    if (!isServiceMatch(match) && catalog.looksLikeAi(host)) await noteCandidate(host, ['ai-tld']);
    return;
  }
  if (how !== 'history' && !(await claimPageLoad(details, how, now))) return;
  const ctx = await loadContext();
  const previous = await swapTabService(details.tabId, match.serviceId);
  if (how === 'history' && previous === match.serviceId) return;
  const policy = serviceEntry(ctx.policy, match.serviceId);
  await record(
    {
      kind: 'visit',
      serviceId: match.serviceId,
      host,
      matchedRule: match.matchedRule,
      policyState: policy.state,
      mode: ctx.policy.mode,
    },
    now,
  );
  // A route change inside a single-page app never reaches declarativeNetRequest: send the tab to the
  // interstitial page ourselves.
  if (how === 'history') {
    const action = decideAction(ctx.policy.mode, policy.state, !!(await exceptionFor(match.serviceId)));
    if (action === 'warn' || action === 'block') {
      const targets = ruleTargets();
      const page = action === 'warn' ? targets.warnPage : targets.blockPage;
      await browser.tabs.update(details.tabId, { url: `${page}#${details.url}` });
    }
  }
}
