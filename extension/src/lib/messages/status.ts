import { isServiceMatch } from '@sightline/shared/catalog/classification';
import { extensionConfigSchema } from '@sightline/shared/extension-api/managed-config';
import type { RuntimeMessageData } from '@sightline/shared/extension-api/runtime-messages';
import { exceptionFor } from '../coaching/exceptions';
import { readConfig } from '../enrollment/config';
import { type EnrollOutcome, ensureEnrolled } from '../enrollment/enroll';
import { hostOf } from '../events/make-event';
import { decideAction } from '../policy/decide';
import { serviceEntry } from '../policy/effective-policy';
import type { PortalClient } from '../portal/portal-client';
import { requestStanding } from '../requests/request-standing';
import { loadContext } from '../runtime-context';
import { local } from '../state/local-state';
import { refresh } from '../worker/lifecycle';

/** Plain-language list of what the extension records, for the popup (and what it never records). */
export function recordedItems(config: {
  recordAccountHint?: boolean | undefined;
  recordPasteAndUpload?: boolean | undefined;
}) {
  const items = [
    'Which AI service you opened (its name and web address host, e.g. chatgpt.com), and when',
    'Whether a warning or block page was shown, and whether you proceeded or asked for access',
    'When another website you use sends requests to an AI service (the two host names only)',
    'Which AI browser extensions from the catalog are installed',
  ];
  if (config.recordPasteAndUpload !== false)
    items.push('On AI service pages: how many times you paste or upload, the sizes and file types');
  if (config.recordAccountHint !== false)
    items.push(
      'On AI service pages: whether you seem signed in with a work or a personal account (not the email)',
    );
  const never = [
    'What you type, paste or upload, prompts and answers',
    'Page content, form values, full web addresses and search terms',
    'Your browsing on sites that are not AI services',
  ];
  return { items, never };
}

/** Everything the popup and the options page show. */
export async function statusFor(url: string | undefined) {
  const ctx = await loadContext();
  const [queue, dropped, policySync, flushState, enrollError, stored] = await Promise.all([
    local.queue.get(),
    local.dropped.get(),
    local.policySync.get(),
    local.flushState.get(),
    local.enrollError.get(),
    local.policy.get(),
  ]);
  let site = null;
  const host = hostOf(url);
  if (url && host) {
    const match = ctx.catalog.classifyUrl(url);
    if (isServiceMatch(match) && match.matchKind !== 'api') {
      const entry = serviceEntry(ctx.policy, match.serviceId);
      const exception = await exceptionFor(match.serviceId);
      site = {
        host,
        serviceId: match.serviceId,
        serviceName: match.serviceName,
        vendor: match.vendor,
        state: entry.state,
        conditions: entry.conditions,
        alternative: entry.alternative,
        action: decideAction(ctx.policy.mode, entry.state, !!exception),
        exceptionUntil: exception ? new Date(exception.expiresAt).toISOString() : null,
        request: requestStanding(
          match.serviceId,
          ctx.policy.requests,
          (await local.requestsMade.get())[match.serviceId] ?? null,
          entry.conditions,
        ),
      };
    } else {
      site = { host, serviceId: null };
    }
  }
  const enrollment = ctx.enrollment;
  const { managedKeys, ...config } = ctx.config;
  return {
    enrollment: enrollment
      ? {
          state: enrollment.revokedAt ? 'revoked' : 'enrolled',
          portalUrl: enrollment.portalUrl,
          deviceId: enrollment.deviceId,
          enrolledAt: enrollment.enrolledAt,
          revokedAt: enrollment.revokedAt ?? null,
          source: enrollment.source,
        }
      : { state: 'not-enrolled', lastError: enrollError && !enrollError.ok ? enrollError.message : null },
    policy: {
      source: ctx.policy.source,
      mode: ctx.policy.mode,
      orgName: ctx.policy.orgName,
      fetchedAt: stored?.fetchedAt ?? null,
      lastSync: policySync ?? null,
    },
    queue: {
      waiting: queue.length,
      dropped,
      lastSentAt: flushState.lastSuccessAt ?? null,
      lastError: flushState.failures ? (flushState.lastError ?? null) : null,
      nextAttemptAt: flushState.failures ? new Date(flushState.nextAttemptAt).toISOString() : null,
    },
    site,
    recorded: recordedItems(ctx.config),
    config: {
      portalUrl: config.portalUrl ?? null,
      userHint: config.userHint ?? null,
      hasToken: !!config.enrollmentToken,
      failMode: config.failMode ?? 'open',
      managedKeys,
    },
  };
}

/** Everything the popup and the options page show. */
export type ExtensionStatus = Awaited<ReturnType<typeof statusFor>>;

export type EnrollReply =
  | { status: 'failed'; message: string }
  | { status: Exclude<EnrollOutcome['status'], 'failed'> };

/** Options page enrollment: managed values win; typed values are kept for the keys policy leaves open. */
export async function enrollFromOptions(
  message: RuntimeMessageData<'enroll'>,
  client: PortalClient,
): Promise<EnrollReply> {
  const parsed = extensionConfigSchema.safeParse({
    portalUrl: message.portalUrl.trim() || undefined,
    enrollmentToken: message.enrollmentToken.trim() || undefined,
    userHint: message.userHint?.trim() || undefined,
  });
  if (!parsed.success)
    return { status: 'failed', message: 'Give a valid portal URL (http or https) and a token' };
  const current = await readConfig();
  const typed = Object.fromEntries(
    Object.entries(parsed.data).filter(([key]) => !current.managedKeys.includes(key as never)),
  );
  await local.optionsConfig.set({ ...(await local.optionsConfig.get()), ...typed });
  const config = await readConfig();
  const outcome = await ensureEnrolled(client, config, 'options', true);
  if (outcome.status === 'enrolled') await refresh(client);
  return outcome.status === 'failed' ? outcome : { status: outcome.status };
}
