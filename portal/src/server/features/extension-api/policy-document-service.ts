import type { DbOrTx } from '@sightline/db/client';
import { decision } from '@sightline/db/schema/assessments';
import { device } from '@sightline/db/schema/devices';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { accessRequest } from '@sightline/db/schema/usage';
import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { asc, desc, eq } from 'drizzle-orm';
import { loadCatalog } from '../catalog/catalog-source';

/** How many of a browser's own requests the document carries, newest first. */
const MAX_REQUESTS = 50;

/**
 * The org's policy as an extension receives it, with that browser's own access requests and their
 * outcomes (the only part that differs per device, so each device's ETag covers its own requests).
 */
export async function buildPolicyDocument(db: DbOrTx, deviceId: string): Promise<PolicyDocument> {
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
    requests: await requestsOf(db, deviceId),
    version: settings?.policyVersion ?? 1,
  };
  return doc;
}

async function requestsOf(db: DbOrTx, deviceId: string): Promise<PolicyDocument['requests']> {
  const rows = await db
    .select({
      requestId: accessRequest.id,
      serviceId: accessRequest.serviceId,
      status: accessRequest.status,
      createdAt: accessRequest.createdAt,
      closedAt: accessRequest.closedAt,
      outcome: decision.outcome,
      conditions: decision.conditions,
      note: accessRequest.outcomeNote,
    })
    .from(accessRequest)
    .leftJoin(decision, eq(decision.id, accessRequest.decisionId))
    .where(eq(accessRequest.deviceId, deviceId))
    .orderBy(desc(accessRequest.createdAt), desc(accessRequest.id))
    .limit(MAX_REQUESTS);
  return rows.map((r) => ({
    requestId: r.requestId,
    serviceId: r.serviceId,
    status: r.status,
    requestedAt: r.createdAt.toISOString(),
    decidedAt: r.closedAt?.toISOString() ?? null,
    outcome: r.outcome ?? null,
    conditions: r.conditions ?? null,
    note: r.note,
  }));
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
