import { usageEventSchema } from '@sightline/shared/extension-api/usage-events';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { parseConfig } from '../enrollment/parse-config';
import { type Migrations, storedItem } from './stored-item';
import {
  candidateSchema,
  enrollmentSchema,
  exceptionSchema,
  flushStateSchema,
  listOf,
  pendingRequestSchema,
  recordOf,
  storedPolicySchema,
  syncStatusSchema,
} from './stored-shapes';

/**
 * The layout version of every item below. Version 1 is the unversioned layout of the builds before
 * (same keys and shapes, read with casts); version 2 is this one: the same shapes, checked on read,
 * without the proceed-once justification (nothing read it).
 */
export const LAYOUT_VERSION = 2;

/** Keys whose layout did not change between version 1 and 2: the migration only records the version. */
const unchanged: Migrations = {};

/** Values of a record, changed one by one; anything that is not a record is left for validation. */
function mapRecordValues(old: unknown, change: (value: unknown) => unknown): unknown {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
  return Object.fromEntries(Object.entries(old).map(([key, value]) => [key, change(value)]));
}

/** Version 2 drops the justification typed for a proceed-once exception: only the times are needed. */
const withoutJustification: Migrations = {
  2: (old) =>
    mapRecordValues(old, (exception) => {
      if (typeof exception !== 'object' || exception === null) return exception;
      const { justification: _dropped, ...kept } = exception as Record<string, unknown>;
      return kept;
    }),
};

const day = z.string().max(10);
const v2 = { version: LAYOUT_VERSION, migrations: unchanged };

/** Everything the worker keeps, all in storage.local so nothing lives only in memory. */
export const local = {
  /** This browser's device credential; null before enrollment or after the portal forgot it. */
  enrollment: storedItem('enrollment', { schema: enrollmentSchema.nullable(), fallback: null, ...v2 }),
  enrollError: storedItem('enrollError', { schema: syncStatusSchema.nullable(), fallback: null, ...v2 }),
  /** What was typed on the options page (keys the managed policy leaves open). */
  optionsConfig: storedItem('optionsConfig', { schema: parseConfig, fallback: {}, ...v2 }),
  /** The last enterprise policy read from storage.managed; null until read (see refreshManagedConfig). */
  managedConfig: storedItem('managedConfig', { schema: parseConfig.nullable(), fallback: null, ...v2 }),
  policy: storedItem('policy', { schema: storedPolicySchema.nullable(), fallback: null, ...v2 }),
  policySync: storedItem('policySync', { schema: syncStatusSchema.nullable(), fallback: null, ...v2 }),
  /** Usage events waiting for the portal, oldest first. */
  queue: storedItem('queue', { schema: listOf(usageEventSchema), fallback: [], ...v2 }),
  /** Events dropped (queue full or refused) and not yet reported to the portal. */
  dropped: storedItem('dropped', { schema: z.number().int().min(0), fallback: 0, ...v2 }),
  flushState: storedItem('flushState', {
    schema: flushStateSchema,
    fallback: { failures: 0, nextAttemptAt: 0 },
    ...v2,
  }),
  /** Proceed-once exceptions by service id. */
  exceptions: storedItem('exceptions', {
    schema: recordOf(exceptionSchema),
    fallback: {},
    version: LAYOUT_VERSION,
    migrations: withoutJustification,
  }),
  /** Once-a-day reminder banners: service id → the UTC day it was shown. */
  bannerShown: storedItem('bannerShown', { schema: recordOf(day), fallback: {}, ...v2 }),
  /** Conditions banners hidden for the day: service id → the local day it was hidden (see conditions-dismissal). */
  bannerDismissed: storedItem('bannerDismissed', { schema: recordOf(day), fallback: {}, ...v2 }),
  /** Catalog AI extensions already reported (their ids). */
  reportedExtensions: storedItem('reportedExtensions', { schema: listOf(z.string()), fallback: [], ...v2 }),
  /** Access requests waiting for the portal. */
  pendingRequests: storedItem('pendingRequests', {
    schema: listOf(pendingRequestSchema),
    fallback: [],
    ...v2,
  }),
  /** When this browser last asked for access, per service id (dates only; the request itself is sent). */
  requestsMade: storedItem('requestsMade', { schema: recordOf(z.string()), fallback: {}, ...v2 }),
  /** Unknown AI-looking hosts waiting for the portal. */
  candidatesPending: storedItem('candidatesPending', {
    schema: listOf(candidateSchema),
    fallback: [],
    ...v2,
  }),
  /** Candidate hosts noted today: host → UTC day. */
  candidatesSeen: storedItem('candidatesSeen', { schema: recordOf(day), fallback: {}, ...v2 }),
};

/**
 * Keys of version 1 that nothing reads any more: tests asked the worker for a flush or a policy sync by
 * writing them, and waited for the policy to apply by reading the last. Removed when the extension
 * updates (they held only timestamps).
 */
export const RETIRED_KEYS = ['flushRequest', 'syncRequest', 'policyAppliedAt'] as const;

export function removeRetiredKeys(): Promise<void> {
  return browser.storage.local.remove([...RETIRED_KEYS]);
}
