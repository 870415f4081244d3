import { isServiceMatch, type ServiceMatch } from '@sightline/shared/catalog/classification';
import type { ServicePolicyEntry } from '@sightline/shared/extension-api/policy-document';
import type {
  ContentScriptMessageType,
  RuntimeMessageData,
} from '@sightline/shared/extension-api/runtime-messages';
import { bannerDue, markBannerShown } from '../coaching/banner-once';
import { dismissedToday, dismissForToday } from '../coaching/conditions-dismissal';
import { exceptionFor } from '../coaching/exceptions';
import { firstInWindow } from '../detection/dedupe';
import { hostOf } from '../events/make-event';
import { record } from '../events/record';
import { decideAction } from '../policy/decide';
import { serviceEntry } from '../policy/effective-policy';
import { loadContext, type RuntimeContext } from '../runtime-context';
import type { Replies } from './protocol';

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

/** The AI service page a content-script message comes from. */
type ServicePage = { ctx: RuntimeContext; match: ServiceMatch; host: string; entry: ServicePolicyEntry };

/** The replies to content-script messages (protocol.ts). */
type ContentReplies = Pick<Replies, ContentScriptMessageType>;

type ContentHandlers = {
  [K in ContentScriptMessageType]: (
    data: RuntimeMessageData<K>,
    page: ServicePage,
  ) => Promise<ContentReplies[K]>;
};

/** The answer when the sender's page is not an AI service page (any more): nothing to do there. */
const notAServicePage: ContentReplies = {
  'page-status': { serviceId: null },
  'banner-shown': { ok: false },
  'banner-dismissed': { ok: false },
  'page-activity': { ok: false },
  'account-hint': { ok: false },
};

const handlers: ContentHandlers = {
  'page-status': async (_data, { ctx, match, entry }) => {
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
    };
  },
  'banner-shown': async (data, { match }) => {
    if (data.serviceId === match.serviceId) await markBannerShown(match.serviceId);
    return { ok: true };
  },
  'banner-dismissed': async (data, { match, entry }) => {
    // Only the page's own service, and only while it is conditional (the one banner that offers it).
    if (data.serviceId !== match.serviceId || entry.state !== 'conditional') return { ok: false };
    await dismissForToday(match.serviceId);
    return { ok: true };
  },
  'page-activity': async (data, { ctx, match, host, entry }) => {
    if (ctx.config.recordPasteAndUpload === false) return { ok: false };
    await record({
      kind: data.kind,
      serviceId: match.serviceId,
      host,
      matchedRule: match.matchedRule,
      count: data.count,
      bytes: data.bytes,
      fileTypes: data.fileTypes,
      policyState: entry.state,
    });
    return { ok: true };
  },
  'account-hint': async (data, { ctx, match, host, entry }) => {
    if (ctx.config.recordAccountHint === false) return { ok: false };
    // One login event per service and hint per hour is plenty to tell personal from work use.
    if (await firstInWindow(`login|${match.serviceId}|${data.hint}`, 60 * 60_000)) {
      await record({
        kind: 'login',
        serviceId: match.serviceId,
        host,
        matchedRule: match.matchedRule,
        accountHint: data.hint,
        policyState: entry.state,
      });
    }
    return { ok: true };
  },
};

/**
 * A message from the content script on an AI service page. `pageUrl` is the sender frame's URL, never
 * what the message claims: a page can only describe itself.
 */
export async function handleContentMessage<K extends ContentScriptMessageType>(
  type: K,
  data: RuntimeMessageData<K>,
  pageUrl: string,
): Promise<ContentReplies[K]> {
  const ctx = await loadContext();
  const match = ctx.catalog.classifyUrl(pageUrl);
  const host = hostOf(pageUrl);
  if (!isServiceMatch(match) || match.matchKind === 'api' || !host) return notAServicePage[type];
  const handle: ContentHandlers[K] = handlers[type];
  return handle(data, { ctx, match, host, entry: serviceEntry(ctx.policy, match.serviceId) });
}

/**
 * A conditional service's conditions are the terms of its use: shown on every visit until the person
 * hides them for the day. The unreviewed reminder is a nudge: once a day is enough.
 */
async function bannerWanted(serviceId: string, state: string): Promise<boolean> {
  return state === 'conditional' ? !(await dismissedToday(serviceId)) : bannerDue(serviceId);
}
