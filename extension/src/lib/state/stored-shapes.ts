import { accessRequestInputSchema } from '@sightline/shared/extension-api/access-requests';
import { candidateReportSchema } from '@sightline/shared/extension-api/candidates';
import { policyDocumentSchema } from '@sightline/shared/extension-api/policy-document';
import { z } from 'zod';

// The shapes the worker keeps in storage.local. What also crosses to the portal (events, requests, the
// policy document, candidates) uses the shared contract; what stays in the browser is checked for
// structure only: a stored credential must still read after a later build tightens a rule, or the
// browser would enroll again as a new device. A layout change comes with a migration (local-state.ts).

/** A list read entry by entry: one damaged entry costs that entry, not the whole list (the queue). */
export function listOf<T extends z.ZodType>(entry: T) {
  return z.array(z.unknown()).transform((entries) =>
    entries.flatMap((value) => {
      const parsed = entry.safeParse(value);
      return parsed.success ? [parsed.data as z.output<T>] : [];
    }),
  );
}

/** A record read entry by entry, as `listOf`. */
export function recordOf<T extends z.ZodType>(entry: T) {
  return z.record(z.string(), z.unknown()).transform((entries) => {
    const kept: Record<string, z.output<T>> = {};
    for (const [key, value] of Object.entries(entries)) {
      const parsed = entry.safeParse(value);
      if (parsed.success) kept[key] = parsed.data;
    }
    return kept;
  });
}

const isoTime = z.string().min(1).max(64);

/** This browser's device credential for one portal. */
export const enrollmentSchema = z.object({
  portalUrl: z.string().min(1),
  deviceId: z.string().min(1),
  credential: z.string().min(1),
  enrolledAt: isoTime,
  source: z.enum(['managed', 'options']),
  revokedAt: isoTime.optional(),
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

/** The last policy the portal sent, with its ETag, kept for offline use. */
export const storedPolicySchema = z.object({
  doc: policyDocumentSchema,
  etag: z.string().nullable(),
  fetchedAt: isoTime,
});
export type StoredPolicy = z.infer<typeof storedPolicySchema>;

/** How the last policy sync or enrollment attempt went. */
export const syncStatusSchema = z.object({ at: isoTime, ok: z.boolean(), message: z.string().optional() });
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** The delivery backoff: failures in a row and when the next alarm flush may try. */
export const flushStateSchema = z.object({
  failures: z.number().int().min(0),
  nextAttemptAt: z.number(),
  lastSuccessAt: isoTime.optional(),
  lastError: z.string().optional(),
});
export type FlushState = z.infer<typeof flushStateSchema>;

/** A proceed-once exception: until when, and since when (the justification is not kept, see migrations). */
export const exceptionSchema = z.object({ expiresAt: z.number(), grantedAt: z.number() });
export type Exception = z.infer<typeof exceptionSchema>;

/** An access request waiting to be sent (its text is kept only until the portal has it). */
export const pendingRequestSchema = z.object({
  request: accessRequestInputSchema,
  host: z.string().nullable(),
  queuedAt: isoTime,
});
export type PendingRequest = z.infer<typeof pendingRequestSchema>;

export const candidateSchema = candidateReportSchema.shape.candidates.element;
