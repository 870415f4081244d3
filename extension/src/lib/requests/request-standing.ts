import type { RequestOutcome } from '@sightline/shared/extension-api/policy-document';

/** Where this browser's access request for one service stands, as far as the extension knows. */
export type RequestStanding =
  /** Asked; the portal has it open, or has not told this browser about it yet. */
  | { kind: 'asked'; requestedAt: string }
  | { kind: 'in_assessment'; requestedAt: string }
  | { kind: 'approved'; requestedAt: string; decidedAt: string | null; conditions: string | null }
  | { kind: 'rejected'; requestedAt: string; decidedAt: string | null; reason: string | null }
  | { kind: 'withdrawn'; requestedAt: string; decidedAt: string | null };

const time = (iso: string | null) => (iso ? Date.parse(iso) || 0 : 0);

/**
 * The newest request this browser made for the service, from the policy document's `requests` (the
 * portal's word) and `localRequestedAt` (when this browser last sent one, kept in storage.local).
 * The local date wins only when it is later than the portal's newest request was closed: the person
 * asked again after a decision and the portal has not reported the new request yet. An open request
 * asked about twice stays what the portal says it is.
 */
export function requestStanding(
  serviceId: string,
  requests: readonly RequestOutcome[],
  localRequestedAt: string | null,
  /** Conditions of the service's policy entry, for an approval whose request carries none. */
  serviceConditions: string | null = null,
): RequestStanding | null {
  const newest = requests
    .filter((r) => r.serviceId === serviceId)
    .reduce<RequestOutcome | null>((a, r) => (a && time(a.requestedAt) >= time(r.requestedAt) ? a : r), null);
  const closed = newest && ['approved', 'rejected', 'withdrawn'].includes(newest.status);
  if (
    localRequestedAt &&
    (!newest || (closed && time(localRequestedAt) > time(newest.decidedAt ?? newest.requestedAt)))
  )
    return { kind: 'asked', requestedAt: localRequestedAt };
  if (!newest) return null;
  const { requestedAt, decidedAt } = newest;
  switch (newest.status) {
    case 'open':
      return { kind: 'asked', requestedAt };
    case 'in_assessment':
      return { kind: 'in_assessment', requestedAt };
    case 'approved':
      return {
        kind: 'approved',
        requestedAt,
        decidedAt,
        conditions:
          newest.conditions ?? (newest.outcome === 'approve_with_conditions' ? serviceConditions : null),
      };
    case 'rejected':
      return { kind: 'rejected', requestedAt, decidedAt, reason: newest.note };
    case 'withdrawn':
      return { kind: 'withdrawn', requestedAt, decidedAt };
  }
}
