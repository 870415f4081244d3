import { isServiceMatch } from '@sightline/shared/catalog/classification';
import type {
  ExtensionPageMessageType,
  RuntimeMessageData,
} from '@sightline/shared/extension-api/runtime-messages';
import { grantException } from '../coaching/exceptions';
import { hostOf } from '../events/make-event';
import { record } from '../events/record';
import { decideAction } from '../policy/decide';
import { serviceEntry } from '../policy/effective-policy';
import { syncPolicy } from '../policy/policy-sync';
import type { PortalClient } from '../portal/portal-client';
import { flush } from '../queue/flush';
import { requestStanding } from '../requests/request-standing';
import { loadContext } from '../runtime-context';
import { local } from '../state/local-state';
import { serialized } from '../state/serialized';
import { applyPolicy } from '../worker/lifecycle';
import type { Replies } from './protocol';
import { enrollFromOptions, statusFor } from './status';

type PageHandlers = {
  [K in ExtensionPageMessageType]: (data: RuntimeMessageData<K>, client: PortalClient) => Promise<Replies[K]>;
};

const handlers: PageHandlers = {
  'service-info': (data) => serviceInfo(data.url),
  'interstitial-shown': async (data) => {
    const found = await classify(data.url);
    if (!found) return { ok: false };
    await record({
      kind: data.blocked ? 'blocked' : 'warning_shown',
      serviceId: found.serviceId,
      host: found.host,
      matchedRule: found.matchedRule,
      policyState: found.state,
      mode: found.mode,
    });
    return { ok: true };
  },
  'proceed-once': async (data) => {
    const found = await classify(data.url);
    if (!found || found.serviceId !== data.serviceId)
      return { ok: false, message: 'This page is not that service' };
    if (found.action !== 'warn') return { ok: false, message: 'Your organisation blocks this service' };
    await grantException(found.serviceId, found.proceedMinutes);
    await applyPolicy();
    await record({
      kind: 'proceeded',
      serviceId: found.serviceId,
      host: found.host,
      matchedRule: found.matchedRule,
      policyState: found.state,
      mode: found.mode,
    });
    return { ok: true, minutes: found.proceedMinutes };
  },
  'request-access': async (data, client) => {
    const { request } = data;
    const host = hostOf(data.url);
    await serialized(async () => {
      const pending = await local.pendingRequests.get();
      if (!pending.some((p) => p.request.clientRequestId === request.clientRequestId))
        pending.push({ request, host, queuedAt: new Date().toISOString() });
      await local.pendingRequests.set(pending);
      // Remembered so the warning page can say the person already asked (no request text is kept).
      const made = await local.requestsMade.get();
      await local.requestsMade.set({ ...made, [request.serviceId]: new Date().toISOString() });
    });
    if (host) await record({ kind: 'request_submitted', serviceId: request.serviceId, host });
    const outcome = await flush(client, { manual: true });
    const left = await local.pendingRequests.get();
    const sent = !left.some((p) => p.request.clientRequestId === request.clientRequestId);
    return { sent, outcome: outcome.status };
  },
  status: (data) => statusFor(data.url),
  'flush-now': (_data, client) => flush(client, { manual: true }),
  'sync-now': async (_data, client) => {
    const outcome = await syncPolicy(client);
    await applyPolicy();
    return { outcome };
  },
  enroll: (data, client) => enrollFromOptions(data, client),
  'get-config': () => statusFor(undefined),
};

/** A message from the extension's own pages (popup, options, warning and block pages). */
export function handlePageMessage<K extends ExtensionPageMessageType>(
  type: K,
  data: RuntimeMessageData<K>,
  client: PortalClient,
): Promise<Replies[K]> {
  const handle: PageHandlers[K] = handlers[type];
  return handle(data, client);
}

export type ServiceInfo = Awaited<ReturnType<typeof serviceInfo>>;

/** What the interstitial pages show about the service behind a URL. */
async function serviceInfo(url: string) {
  const ctx = await loadContext();
  const match = ctx.catalog.classifyUrl(url);
  const entry = isServiceMatch(match) ? ctx.catalog.byId.get(match.serviceId) : undefined;
  if (!entry) return { found: false as const };
  const serviceId = entry.id;
  const policy = serviceEntry(ctx.policy, serviceId);
  return {
    found: true as const,
    serviceId,
    name: entry.name,
    vendor: entry.vendor,
    state: policy.state,
    conditions: policy.conditions,
    alternative: policy.alternative,
    mode: ctx.policy.mode,
    orgName: ctx.policy.orgName,
    proceedOnceMinutes: ctx.policy.proceedOnceMinutes,
    host: hostOf(url),
    canRequest: !!ctx.enrollment && !ctx.enrollment.revokedAt,
    request: requestStanding(
      serviceId,
      ctx.policy.requests,
      (await local.requestsMade.get())[serviceId] ?? null,
      policy.conditions,
    ),
  };
}

async function classify(url: string) {
  const ctx = await loadContext();
  const match = ctx.catalog.classifyUrl(url);
  const host = hostOf(url);
  if (!isServiceMatch(match) || !host) return null;
  const state = serviceEntry(ctx.policy, match.serviceId).state;
  return {
    serviceId: match.serviceId,
    matchedRule: match.matchedRule,
    host,
    state,
    mode: ctx.policy.mode,
    action: decideAction(ctx.policy.mode, state, false),
    proceedMinutes: ctx.policy.proceedOnceMinutes,
  };
}
