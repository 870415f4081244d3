import type { Db } from '@sightline/db/client';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import type { SetServicePolicyInput } from '@sightline/shared/extension-api/staff-admin';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { loadCatalog } from '../catalog/catalog-source';

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
  if (!catalog.byId.has(serviceId)) throw new AppError('not_found', 'No catalog service with this id');
  if (input.alternativeServiceId) {
    if (input.alternativeServiceId === serviceId)
      throw new AppError('bad_request', 'A service cannot be its own alternative');
    if (!catalog.byId.has(input.alternativeServiceId))
      throw new AppError('bad_request', 'The alternative is not a catalog service');
  }
  const values = {
    state: input.state,
    conditions: input.state === 'conditional' ? (input.conditions ?? null) : (input.conditions ?? null),
    alternativeServiceId: input.alternativeServiceId ?? null,
    alternativeUrl: input.alternativeUrl ?? null,
    note: input.note ?? null,
    updatedBy: actor.user.id,
    updatedAt: deps.now,
  };
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(servicePolicy).where(eq(servicePolicy.serviceId, serviceId));
    await tx
      .insert(servicePolicy)
      .values({ serviceId, ...values })
      .onConflictDoUpdate({ target: servicePolicy.serviceId, set: values });
    await tx
      .update(orgSettings)
      .set({ policyVersion: sql`${orgSettings.policyVersion} + 1`, updatedAt: deps.now })
      .where(eq(orgSettings.id, 1));
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
      },
      at: deps.now,
    });
    return { serviceId, ...values };
  });
}
