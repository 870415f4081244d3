import { isServiceMatch } from '@sightline/shared/catalog/classification';
import type { RuntimeMessage } from '@sightline/shared/extension-api/runtime-messages';
import { bannerDue, markBannerShown } from '../coaching/banner-once';
import { dismissedToday, dismissForToday } from '../coaching/conditions-dismissal';
import { exceptionFor } from '../coaching/exceptions';
import { firstInWindow } from '../detection/dedupe';
import { hostOf } from '../events/make-event';
import { record } from '../events/record';
import { decideAction } from '../policy/decide';
import { serviceEntry } from '../policy/effective-policy';
import { loadContext } from '../runtime-context';

export type PageStatus =
  | { serviceId: null }
  | {
      serviceId: string;
      serviceName: string;
      state: string;
      conditions: string | null;
      alternative: { name: string | null; url: string | null } | null;
      showBanner: boolean;
      orgName: string | null;
      emailDomains: readonly string[];
      recordAccountHint: boolean;
      recordPasteAndUpload: boolean;
      promptSelectors: readonly string[];
    };

/** Messages from the content script on an AI service page; `pageUrl` is the sender frame's URL. */
export async function handleContentMessage(message: RuntimeMessage, pageUrl: string): Promise<unknown> {
  const ctx = await loadContext();
  const match = ctx.catalog.classifyUrl(pageUrl);
  const host = hostOf(pageUrl);
  if (!isServiceMatch(match) || match.matchKind === 'api' || !host)
    return { serviceId: null } satisfies PageStatus;
  const entry = serviceEntry(ctx.policy, match.serviceId);
  switch (message.type) {
    case 'page-status': {
      const action = decideAction(ctx.policy.mode, entry.state, !!(await exceptionFor(match.serviceId)));
      return {
        serviceId: match.serviceId,
        serviceName: match.serviceName,
        state: entry.state,
        conditions: entry.conditions,
        alternative: entry.alternative ? { name: entry.alternative.name, url: entry.alternative.url } : null,
        showBanner: action === 'banner' && (await bannerWanted(match.serviceId, entry.state)),
        orgName: ctx.policy.orgName,
        emailDomains: ctx.policy.emailDomains,
        recordAccountHint: ctx.config.recordAccountHint !== false,
        recordPasteAndUpload: ctx.config.recordPasteAndUpload !== false,
        promptSelectors: ctx.catalog.byId.get(match.serviceId)?.promptSelectors ?? [],
      } satisfies PageStatus;
    }
    case 'banner-shown':
      if (message.serviceId === match.serviceId) await markBannerShown(match.serviceId);
      return { ok: true };
    case 'banner-dismissed':
      // Only the page's own service, and only while it is conditional (the one banner that offers it).
      if (message.serviceId !== match.serviceId || entry.state !== 'conditional') return { ok: false };
      await dismissForToday(match.serviceId);
      return { ok: true };
    case 'page-activity':
      if (ctx.config.recordPasteAndUpload === false) return { ok: false };
      await record({
        kind: message.kind,
        serviceId: match.serviceId,
        host,
        matchedRule: match.matchedRule,
        count: message.count,
        bytes: message.bytes,
        fileTypes: message.fileTypes,
        policyState: entry.state,
      });
      return { ok: true };
    case 'account-hint':
      if (ctx.config.recordAccountHint === false) return { ok: false };
      // One login event per service and hint per hour is plenty to tell personal from work use.
      if (await firstInWindow(`login|${match.serviceId}|${message.hint}`, 60 * 60_000)) {
        await record({
          kind: 'login',
          serviceId: match.serviceId,
          host,
          matchedRule: match.matchedRule,
          accountHint: message.hint,
          policyState: entry.state,
        });
      }
      return { ok: true };
    default:
      return { ok: false };
  }
}

/**
 * A conditional service's conditions are the terms of its use: shown on every visit until the person
 * hides them for the day. The unreviewed reminder is a nudge: once a day is enough.
 */
async function bannerWanted(serviceId: string, state: string): Promise<boolean> {
  return state === 'conditional' ? !(await dismissedToday(serviceId)) : bannerDue(serviceId);
}
