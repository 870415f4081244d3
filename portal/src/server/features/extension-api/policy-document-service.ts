import type { DbOrTx } from '@sightline/db/client';
import { device } from '@sightline/db/schema/devices';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { asc, eq } from 'drizzle-orm';
import { loadCatalog } from '../catalog/catalog-source';

/** The org's policy as every extension receives it. */
export async function buildPolicyDocument(db: DbOrTx): Promise<PolicyDocument> {
  const [settings] = await db.select().from(orgSettings).where(eq(orgSettings.id, 1));
  const rows = await db.select().from(servicePolicy).orderBy(asc(servicePolicy.serviceId));
  const catalog = await loadCatalog(db);
  const doc: PolicyDocument = {
    orgName: settings?.name ?? 'My organisation',
    mode: settings?.mode ?? 'coach',
    failMode: settings?.failMode ?? 'open',
    proceedOnceMinutes: settings?.proceedOnceMinutes ?? 60,
    emailDomains: settings?.emailDomains ?? [],
    // Unreviewed is the default; leaving those rows out keeps the document small.
    services: rows
      .filter((r) => r.state !== 'unreviewed' || r.alternativeServiceId || r.alternativeUrl)
      .map((r) => ({
        serviceId: r.serviceId,
        state: r.state,
        conditions: r.conditions,
        alternative:
          r.alternativeServiceId || r.alternativeUrl
            ? alternativeFor(r.alternativeServiceId, r.alternativeUrl, catalog.byId)
            : null,
      })),
    customEntries: catalog.custom,
    requests: [],
    version: settings?.policyVersion ?? 1,
  };
  return doc;
}

function alternativeFor(
  serviceId: string | null,
  url: string | null,
  byId: ReadonlyMap<string, CatalogEntry>,
): PolicyDocument['services'][number]['alternative'] {
  const entry = serviceId ? byId.get(serviceId) : undefined;
  return { serviceId, name: entry?.name ?? null, url: url ?? entry?.website ?? null };
}

export async function markPolicySynced(db: DbOrTx, deviceId: string, now: Date): Promise<void> {
  await db.update(device).set({ lastPolicySyncAt: now }).where(eq(device.id, deviceId));
}
