import type { Db, DbOrTx } from '@sightline/db/client';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import type { SetServicePolicyInput } from '@sightline/shared/extension-api/staff-admin';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { type LoadedCatalog, loadCatalog } from '../catalog/catalog-source';

export type ServicePolicyView = {
  serviceId: string;
  name: string;
  vendor: string;
  category: string;
  website: string;
  custom: boolean;
  state: PolicyState;
  conditions: string | null;
  alternativeServiceId: string | null;
  alternativeUrl: string | null;
  note: string | null;
  updatedAt: Date | null;
};

/** Every catalog service with its state; services without a decision are unreviewed. */
export async function listServicePolicies(db: Db): Promise<ServicePolicyView[]> {
  const catalog = await loadCatalog(db);
  const rows = await db.select().from(servicePolicy);
  const byService = new Map(rows.map((r) => [r.serviceId, r]));
  const customIds = new Set(catalog.custom.map((e) => e.id));
  return catalog.entries
    .map((entry) => {
      const row = byService.get(entry.id);
      return {
        serviceId: entry.id,
        name: entry.name,
        vendor: entry.vendor,
        category: entry.category,
        website: entry.website,
        custom: customIds.has(entry.id),
        state: row?.state ?? 'unreviewed',
        conditions: row?.conditions ?? null,
        alternativeServiceId: row?.alternativeServiceId ?? null,
        alternativeUrl: row?.alternativeUrl ?? null,
        note: row?.note ?? null,
        updatedAt: row?.updatedAt ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Sets a service's state, conditions and alternative; bumps the policy version; audit-logged. */
export async function setServicePolicy(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  serviceId: string,
  input: SetServicePolicyInput,
) {
  const catalog = await loadCatalog(deps.db);
  checkPolicyInput(catalog, serviceId, input);
  return deps.db.transaction(async (tx) => {
    const result = await writeServicePolicy(tx, actor, serviceId, input, deps.now, {});
    await bumpPolicyVersion(tx, deps.now);
    return result;
  });
}

/**
 * One policy for many services: every service is checked before anything is written, then all are
 * written in one transaction, each audited, with ONE policy version bump so browsers sync once.
 */
export async function setServicePolicies(
  deps: { db: Db; now: Date },
  actor: Actor & { type: 'staff' },
  serviceIds: readonly string[],
  input: SetServicePolicyInput,
) {
  const catalog = await loadCatalog(deps.db);
  for (const serviceId of serviceIds) checkPolicyInput(catalog, serviceId, input);
  return deps.db.transaction(async (tx) => {
    const updated = [];
    for (const serviceId of [...serviceIds].sort()) {
      updated.push(await writeServicePolicy(tx, actor, serviceId, input, deps.now, { bulk: true }));
    }
    const version = await bumpPolicyVersion(tx, deps.now);
    return { updated, policyVersion: version };
  });
}

function checkPolicyInput(catalog: LoadedCatalog, serviceId: string, input: SetServicePolicyInput) {
  if (!catalog.byId.has(serviceId))
    throw new AppError('not_found', `No catalog service with the id "${serviceId}"`);
  if (input.alternativeServiceId) {
    if (input.alternativeServiceId === serviceId)
      throw new AppError('bad_request', 'A service cannot be its own alternative');
    if (!catalog.byId.has(input.alternativeServiceId))
      throw new AppError('bad_request', 'The alternative is not a catalog service');
  }
}

/** Writes one service's policy and its audit entry; the caller bumps the version once. */
async function writeServicePolicy(
  tx: DbOrTx,
  actor: Actor & { type: 'staff' },
  serviceId: string,
  input: SetServicePolicyInput,
  now: Date,
  extraDetails: Record<string, unknown>,
) {
  const values = {
    state: input.state,
    conditions: input.conditions ?? null,
    alternativeServiceId: input.alternativeServiceId ?? null,
    alternativeUrl: input.alternativeUrl ?? null,
    note: input.note ?? null,
    updatedBy: actor.user.id,
    updatedAt: now,
  };
  const [before] = await tx.select().from(servicePolicy).where(eq(servicePolicy.serviceId, serviceId));
  await tx
    .insert(servicePolicy)
    .values({ serviceId, ...values })
    .onConflictDoUpdate({ target: servicePolicy.serviceId, set: values });
  await recordAudit(tx, {
    actor,
    action: 'policy.changed',
    targetType: 'service',
    targetId: serviceId,
    details: {
      from: before?.state ?? 'unreviewed',
      to: input.state,
      conditions: values.conditions,
      alternativeServiceId: values.alternativeServiceId,
      alternativeUrl: values.alternativeUrl,
      ...extraDetails,
    },
    at: now,
  });
  return { serviceId, ...values };
}

/** Browsers compare this version (their ETag) and fetch the policy again when it moved. */
async function bumpPolicyVersion(tx: DbOrTx, now: Date): Promise<number> {
  const [row] = await tx
    .update(orgSettings)
    .set({ policyVersion: sql`${orgSettings.policyVersion} + 1`, updatedAt: now })
    .where(eq(orgSettings.id, 1))
    .returning({ version: orgSettings.policyVersion });
  return row?.version ?? 1;
}
