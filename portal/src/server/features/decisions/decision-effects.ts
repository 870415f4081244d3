import type { DbOrTx } from '@sightline/db/client';
import { aiSystemSupplier } from '@sightline/db/schema/inventory';
import { orgSettings } from '@sightline/db/schema/org';
import { servicePolicy } from '@sightline/db/schema/policy';
import { vendor } from '@sightline/db/schema/vendors';
import type { DecisionOutcome, RiskTier } from '@sightline/shared/assessments/assessment-states';
import type { PolicyState } from '@sightline/shared/policy/policy-states';
import type { ChosenVendorStatus } from '@sightline/shared/vendors/vendor-statuses';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';

export type PolicyFromDecision = {
  serviceId: string;
  state: PolicyState;
  conditions: string | null;
  decisionId: string;
};

/**
 * The decided service's policy, linked to the decision. The approved alternative and the note stay
 * as they were (a rejection points staff at the alternative already named). The policy version
 * rises so every extension picks the change up on its next sync.
 */
export async function setPolicyFromDecision(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  p: PolicyFromDecision,
): Promise<typeof servicePolicy.$inferSelect> {
  const [before] = await tx.select().from(servicePolicy).where(eq(servicePolicy.serviceId, p.serviceId));
  const values = {
    state: p.state,
    conditions: p.conditions,
    decisionId: p.decisionId,
    updatedBy: actor.type === 'staff' ? actor.user.id : null,
    updatedAt: now,
  };
  const [after] = await tx
    .insert(servicePolicy)
    .values({ serviceId: p.serviceId, ...values })
    .onConflictDoUpdate({ target: servicePolicy.serviceId, set: values })
    .returning();
  await tx
    .update(orgSettings)
    .set({ policyVersion: sql`${orgSettings.policyVersion} + 1`, updatedAt: now })
    .where(eq(orgSettings.id, 1));
  await recordAudit(tx, {
    actor,
    action: 'policy.changed',
    targetType: 'service',
    targetId: p.serviceId,
    details: {
      from: before?.state ?? 'unreviewed',
      to: p.state,
      conditions: p.conditions,
      decisionId: p.decisionId,
    },
    at: now,
  });
  return after!;
}

const vendorStatusFor: Record<DecisionOutcome, ChosenVendorStatus> = {
  approve: 'approved',
  approve_with_conditions: 'conditional',
  reject: 'rejected',
};

export type VendorFromDecision = {
  vendorId: string;
  outcome: DecisionOutcome;
  residualTier: RiskTier | null;
  tier: RiskTier;
  tierReason: string | null;
  nextReviewOn: string;
  decisionId: string;
};

/**
 * The vendor's risk tier, next review date and status follow its latest decision; every system it
 * supplies shows the new tier.
 */
export async function setVendorFromDecision(tx: DbOrTx, actor: Actor, now: Date, v: VendorFromDecision) {
  const [before] = await tx
    .select({ tier: vendor.tier, nextReviewOn: vendor.nextReviewOn, status: vendor.status })
    .from(vendor)
    .where(eq(vendor.id, v.vendorId))
    .for('update');
  const status = vendorStatusFor[v.outcome];
  await tx
    .update(vendor)
    .set({ tier: v.tier, nextReviewOn: v.nextReviewOn, status, updatedAt: now })
    .where(eq(vendor.id, v.vendorId));
  await tx
    .update(aiSystemSupplier)
    .set({ riskTier: v.tier, updatedAt: now })
    .where(eq(aiSystemSupplier.vendorId, v.vendorId));
  await recordAudit(tx, {
    actor,
    action: 'vendor.decided',
    targetType: 'vendor',
    targetId: v.vendorId,
    details: {
      decisionId: v.decisionId,
      tier: { from: before?.tier ?? null, to: v.tier },
      residualTier: v.residualTier,
      tierReason: v.tierReason,
      nextReviewOn: { from: before?.nextReviewOn ?? null, to: v.nextReviewOn },
      status: { from: before?.status ?? null, to: status },
    },
    at: now,
  });
}
