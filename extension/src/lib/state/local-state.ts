import type { AccessRequestInput } from '@sightline/shared/extension-api/access-requests';
import type { CandidateReport } from '@sightline/shared/extension-api/candidates';
import type { ExtensionConfig } from '@sightline/shared/extension-api/managed-config';
import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import type { UsageEvent } from '@sightline/shared/extension-api/usage-events';
import { browser } from 'wxt/browser';

export type Enrollment = {
  portalUrl: string;
  deviceId: string;
  credential: string;
  enrolledAt: string;
  source: 'managed' | 'options';
  revokedAt?: string;
};

export type StoredPolicy = { doc: PolicyDocument; etag: string | null; fetchedAt: string };
export type SyncStatus = { at: string; ok: boolean; message?: string };
export type FlushState = {
  failures: number;
  nextAttemptAt: number;
  lastSuccessAt?: string;
  lastError?: string;
};
export type Exception = { expiresAt: number; justification: string; grantedAt: number };
export type PendingRequest = { request: AccessRequestInput; host: string | null; queuedAt: string };

/** Everything the worker keeps, all in storage.local so nothing lives only in memory. */
export type LocalState = {
  enrollment: Enrollment;
  optionsConfig: ExtensionConfig;
  /** The last enterprise policy read from storage.managed (see refreshManagedConfig). */
  managedConfig: ExtensionConfig;
  policy: StoredPolicy;
  policySync: SyncStatus;
  enrollError: SyncStatus;
  queue: UsageEvent[];
  dropped: number;
  flushState: FlushState;
  exceptions: Record<string, Exception>;
  bannerShown: Record<string, string>;
  /** Conditions banners hidden for the day: service id → the local day it was hidden (see conditions-dismissal). */
  bannerDismissed: Record<string, string>;
  reportedExtensions: string[];
  pendingRequests: PendingRequest[];
  /** When this browser last asked for access, per service id (dates only; the request itself is sent). */
  requestsMade: Record<string, string>;
  candidatesPending: CandidateReport['candidates'];
  candidatesSeen: Record<string, string>;
  flushRequest: number;
  syncRequest: number;
  /** When the policy was last applied to the browser (redirect rules, content scripts). */
  policyAppliedAt: string;
};

export async function getLocal<K extends keyof LocalState>(key: K): Promise<LocalState[K] | undefined> {
  const got = await browser.storage.local.get(key);
  return got[key] as LocalState[K] | undefined;
}

export async function setLocal<K extends keyof LocalState>(key: K, value: LocalState[K]): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export async function removeLocal(key: keyof LocalState): Promise<void> {
  await browser.storage.local.remove(key);
}

/**
 * Runs read-modify-write steps one after another. The worker is one thread, but awaits interleave;
 * without this, two listeners could both read the queue and one write would lose the other's events.
 */
let chain: Promise<unknown> = Promise.resolve();
export function serialized<T>(step: () => Promise<T>): Promise<T> {
  const run = chain.then(step, step);
  chain = run.catch(() => undefined);
  return run;
}

/** UTC day, for once-a-day rules. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
