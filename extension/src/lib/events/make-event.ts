import { type UsageEvent, usageEventSchema } from '@sightline/shared/extension-api/usage-events';
import type { PolicyState, RolloutMode } from '@sightline/shared/policy/policy-states';
import type { AccountHint, UsageEventKind } from '@sightline/shared/usage/event-kinds';

/** Everything an event may carry. No field for URLs, paths, text or form values exists. */
export type EventFields = {
  kind: UsageEventKind;
  serviceId: string | null;
  host: string;
  matchedRule?: string | undefined;
  initiatorHost?: string | undefined;
  accountHint?: AccountHint | undefined;
  count?: number | undefined;
  bytes?: number | undefined;
  fileTypes?: string[] | undefined;
  policyState?: PolicyState | undefined;
  mode?: RolloutMode | undefined;
  extensionId?: string | undefined;
};

/** The host of a web URL (lower-case, punycode, no port or trailing dot), or null for anything else. */
export function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/**
 * Builds an event from named fields only and checks it against the shared schema, so nothing but
 * metadata can leave: a field that is not listed is never copied, and a host that is really a URL
 * fails. Returns null for anything that does not pass.
 */
export function makeEvent(fields: EventFields, now = Date.now()): UsageEvent | null {
  const details = {
    ...(fields.policyState ? { policyState: fields.policyState } : {}),
    ...(fields.mode ? { mode: fields.mode } : {}),
    ...(fields.extensionId ? { extensionId: fields.extensionId } : {}),
  };
  const candidate = {
    id: crypto.randomUUID(),
    kind: fields.kind,
    serviceId: fields.serviceId,
    host: fields.host,
    ...(fields.matchedRule ? { matchedRule: fields.matchedRule } : {}),
    ...(fields.initiatorHost ? { initiatorHost: fields.initiatorHost } : {}),
    ...(fields.accountHint ? { accountHint: fields.accountHint } : {}),
    ...(fields.count !== undefined ? { count: fields.count } : {}),
    ...(fields.bytes !== undefined ? { bytes: fields.bytes } : {}),
    ...(fields.fileTypes && fields.fileTypes.length > 0 ? { fileTypes: fields.fileTypes } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
    occurredAt: new Date(now).toISOString(),
  };
  const parsed = usageEventSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
