import { isServiceMatch } from '@sightline/shared/catalog/classification';
import { hostOf } from '../events/make-event';
import { record } from '../events/record';
import { loadContext } from '../runtime-context';
import { firstInWindow } from './dedupe';

export const API_CALL_WINDOW_MS = 5 * 60_000;

export type RequestDetails = {
  tabId: number;
  url: string;
  type: string;
  initiator?: string | undefined;
  originUrl?: string | undefined;
  documentUrl?: string | undefined;
};

/**
 * A page's sub-resource request to an AI API host (observed, never blocked, bodies never read).
 * Counted when the calling page is not itself an AI service: one event per tab, page host and API
 * host every few minutes.
 */
export async function onApiRequest(details: RequestDetails, now = Date.now()): Promise<void> {
  if (details.type === 'main_frame' || details.type === 'sub_frame') return;
  const host = hostOf(details.url);
  if (!host) return;
  const ctx = await loadContext();
  const api = ctx.catalog.classifyRequestHost(host);
  if (!api) return;
  const pageUrl = details.initiator ?? details.documentUrl ?? details.originUrl;
  const initiatorHost = hostOf(pageUrl);
  // Requests from extensions or the browser itself, or from the AI service's own pages, are not this.
  if (!initiatorHost || !pageUrl) return;
  const page = ctx.catalog.classifyUrl(pageUrl);
  if (isServiceMatch(page) && page.matchKind !== 'api') return;
  if (!(await firstInWindow(`api|${details.tabId}|${initiatorHost}|${host}`, API_CALL_WINDOW_MS, now)))
    return;
  await record(
    {
      kind: 'api_call',
      serviceId: api.serviceId,
      host,
      matchedRule: api.matchedRule,
      initiatorHost,
      mode: ctx.policy.mode,
    },
    now,
  );
}
