import { markRevoked } from '../enrollment/enroll';
import type { PortalClient } from '../portal/portal-client';
import { local } from '../state/local-state';

export type SyncOutcome = 'updated' | 'unchanged' | 'failed' | 'not-enrolled' | 'revoked';

/** Fetches the org's policy with its ETag; the last good copy stays for offline use. */
export async function syncPolicy(client: PortalClient): Promise<SyncOutcome> {
  const enrollment = await local.enrollment.get();
  if (!enrollment) return 'not-enrolled';
  if (enrollment.revokedAt) return 'revoked';
  const stored = await local.policy.get();
  const at = new Date().toISOString();
  const result = await client.policy(enrollment.portalUrl, enrollment.credential, stored?.etag ?? null);
  if (!result.ok) {
    if (result.kind === 'unauthorized') {
      if (result.revoked) {
        await markRevoked();
        return 'revoked';
      }
      await local.enrollment.remove();
      return 'not-enrolled';
    }
    await local.policySync.set({ at, ok: false, message: result.message });
    return 'failed';
  }
  await local.policySync.set({ at, ok: true });
  if (result.value === null) return 'unchanged';
  await local.policy.set({ doc: result.value.doc, etag: result.value.etag, fetchedAt: at });
  return 'updated';
}
