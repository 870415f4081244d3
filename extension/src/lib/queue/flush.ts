import { MAX_EVENT_BATCH_BYTES, MAX_EVENTS_PER_BATCH } from '@sightline/shared/extension-api/usage-events';
import { browser } from 'wxt/browser';
import { markRevoked } from '../enrollment/enroll';
import type { PortalClient, PortalResult } from '../portal/portal-client';
import { local } from '../state/local-state';
import { serialized } from '../state/serialized';
import { backoffDelay } from './backoff';
import { acknowledge, discard, snapshot, takeBatch } from './event-queue';
import { syncFlushAlarm } from './flush-alarm';

/** Batches per flush, so one alarm tick stays short even with a full queue. */
const MAX_BATCHES_PER_FLUSH = 10;

export type FlushOutcome =
  | { status: 'sent'; sent: number; remaining: number }
  | { status: 'waiting'; until: number }
  | { status: 'not-enrolled' | 'revoked' }
  | { status: 'failed'; message: string; retryAt: number };

let inFlight: Promise<FlushOutcome> | null = null;

/**
 * Sends what waits (access requests, candidates, then events in batches). Alarm flushes respect the
 * backoff; `manual` ones (popup, tests) do not. One flush at a time.
 */
export function flush(
  client: PortalClient,
  opts: { manual?: boolean; now?: () => number; random?: () => number } = {},
) {
  inFlight ??= run(client, opts).finally(() => {
    inFlight = null;
  });
  // Whatever happened, the flush alarm now runs exactly while something still waits.
  return inFlight.finally(() => syncFlushAlarm());
}

async function run(
  client: PortalClient,
  {
    manual = false,
    now = Date.now,
    random = Math.random,
  }: { manual?: boolean; now?: () => number; random?: () => number },
): Promise<FlushOutcome> {
  const enrollment = await local.enrollment.get();
  if (!enrollment) return { status: 'not-enrolled' };
  if (enrollment.revokedAt) return { status: 'revoked' };
  const state = await local.flushState.get();
  if (!manual && now() < state.nextAttemptAt) return { status: 'waiting', until: state.nextAttemptAt };
  const { portalUrl, credential } = enrollment;

  const fail = async (result: PortalResult<unknown> & { ok: false }): Promise<FlushOutcome> => {
    if (result.kind === 'unauthorized') {
      if (result.revoked) {
        await markRevoked();
        return { status: 'revoked' };
      }
      // The portal no longer knows this credential (e.g. a new database): enroll again next time.
      await local.enrollment.remove();
      return { status: 'not-enrolled' };
    }
    // A portal that names its wait (Retry-After) knows best: wait exactly that, plus up to a second so
    // a fleet told the same wait does not return in lockstep. Being told to wait is not a failure, so
    // it does not grow the backoff. Without the header: exponential backoff.
    const told = result.kind === 'server' ? result.retryAfterMs : undefined;
    const failures = told === undefined ? state.failures + 1 : state.failures;
    const retryAt =
      now() + (told === undefined ? backoffDelay(failures, random) : told + Math.round(random() * 1000));
    await local.flushState.set({ ...state, failures, nextAttemptAt: retryAt, lastError: result.message });
    return { status: 'failed', message: result.message, retryAt };
  };

  const requests = await local.pendingRequests.get();
  for (const pending of requests) {
    const result = await client.request(portalUrl, credential, pending.request);
    if (!result.ok && result.kind !== 'rejected') return fail(result);
    await serialized(async () => {
      const left = (await local.pendingRequests.get()).filter(
        (p) => p.request.clientRequestId !== pending.request.clientRequestId,
      );
      await local.pendingRequests.set(left);
    });
  }

  const candidates = await local.candidatesPending.get();
  if (candidates.length > 0) {
    const result = await client.candidates(portalUrl, credential, {
      candidates: candidates.slice(0, 50),
    });
    if (!result.ok && result.kind !== 'rejected') return fail(result);
    await serialized(async () => {
      const sentHosts = new Set(candidates.slice(0, 50).map((c) => c.host));
      const left = (await local.candidatesPending.get()).filter((c) => !sentHosts.has(c.host));
      await local.candidatesPending.set(left);
    });
  }

  let sent = 0;
  for (let i = 0; i < MAX_BATCHES_PER_FLUSH; i++) {
    const { events, dropped } = await snapshot();
    const batch = takeBatch(events, MAX_EVENTS_PER_BATCH, MAX_EVENT_BATCH_BYTES - 16_384);
    if (batch.length === 0 && dropped === 0) break;
    const ids = new Set(batch.map((e) => e.id));
    const result = await client.events(portalUrl, credential, {
      events: batch,
      dropped,
      extensionVersion: browser.runtime.getManifest().version,
    });
    if (!result.ok) {
      if (result.kind !== 'rejected') return fail(result);
      // The portal refused this batch as malformed: it can never succeed, so drop and count it.
      await discard(ids);
      continue;
    }
    await acknowledge(ids, dropped);
    sent += batch.length;
    if (batch.length === 0) break;
  }
  await local.flushState.set({
    failures: 0,
    nextAttemptAt: 0,
    lastSuccessAt: new Date(now()).toISOString(),
  });
  return { status: 'sent', sent, remaining: (await snapshot()).events.length };
}
