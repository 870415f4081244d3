import { isServiceMatch } from '@sightline/shared/catalog/classification';
import type { RuntimeMessage } from '@sightline/shared/extension-api/runtime-messages';
import { grantException } from '../coaching/exceptions';
import { hostOf } from '../events/make-event';
import { record } from '../events/record';
import { decideAction } from '../policy/decide';
import { serviceEntry } from '../policy/effective-policy';
import type { PortalClient } from '../portal/portal-client';
import { flush } from '../queue/flush';
import { requestStanding } from '../requests/request-standing';
import { loadContext } from '../runtime-context';
import { getLocal, serialized, setLocal } from '../state/local-state';
import { applyPolicy } from '../worker/lifecycle';
import { enrollFromOptions, statusFor } from './status';

/** Messages from the extension's own pages (popup, options, warning and block pages). */
export async function handlePageMessage(message: RuntimeMessage, client: PortalClient): Promise<unknown> {
  switch (message.type) {
    case 'service-info':
      return serviceInfo(message.url);
    case 'interstitial-shown': {
      const found = await classify(message.url);
      if (!found) return { ok: false };
      await record({
        kind: message.blocked ? 'blocked' : 'warning_shown',
        serviceId: found.serviceId,
        host: found.host,
        matchedRule: found.matchedRule,
        policyState: found.state,
        mode: found.mode,
      });
      return { ok: true };
    }
    case 'proceed-once': {
      const found = await classify(message.url);
      if (!found || found.serviceId !== message.serviceId)
        return { ok: false, message: 'This page is not that service' };
      if (found.action !== 'warn') return { ok: false, message: 'Your organisation blocks this service' };
      await grantException(found.serviceId, found.proceedMinutes, message.justification);
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
    }
    case 'request-access': {
      const host = hostOf(message.url);
      await serialized(async () => {
        const pending = (await getLocal('pendingRequests')) ?? [];
        if (!pending.some((p) => p.request.clientRequestId === message.request.clientRequestId))
          pending.push({ request: message.request, host, queuedAt: new Date().toISOString() });
        await setLocal('pendingRequests', pending);
        // Remembered so the warning page can say the person already asked (no request text is kept).
        const made = (await getLocal('requestsMade')) ?? {};
        await setLocal('requestsMade', { ...made, [message.request.serviceId]: new Date().toISOString() });
      });
      if (host) await record({ kind: 'request_submitted', serviceId: message.request.serviceId, host });
      const outcome = await flush(client, { manual: true });
      const left = (await getLocal('pendingRequests')) ?? [];
      const sent = !left.some((p) => p.request.clientRequestId === message.request.clientRequestId);
      return { sent, outcome: outcome.status };
    }
    case 'status':
      return statusFor(message.url);
    case 'flush-now':
      return flush(client, { manual: true });
    case 'enroll':
      return enrollFromOptions(message, client);
    case 'get-config':
      return statusFor(undefined);
    default:
      return { ok: false };
  }
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
      (await getLocal('requestsMade'))?.[serviceId] ?? null,
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
