import type { DbOrTx } from '@sightline/db/client';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import type { DecisionOutcome, RiskTier } from '@sightline/shared/assessments/assessment-states';
import { systemFromAssessment } from '@sightline/shared/inventory/system-prefill';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { UseContext } from '@sightline/shared/questionnaire/use-context';
import { and, arrayContains, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { linkSupplierFromDecision } from './supplier-service';

export type DecisionForInventory = {
  assessmentId: string;
  vendorId: string;
  vendorName: string;
  serviceId: string | null;
  serviceName: string | null;
  answers: Answers;
  context: UseContext | undefined;
  outcome: DecisionOutcome;
  tier: RiskTier;
  nextReviewOn: string;
  /** The business owner a new entry starts with (whoever asked for the assessment). */
  owner: string;
  /** The entry to update (from systemForDecision), or null to create one. */
  systemId: string | null;
};

/**
 * The system a decision is about: one already linked to the vendor for the same service, or one
 * that lists the service, oldest first; null when the decision should create one.
 */
export async function systemForDecision(
  tx: DbOrTx,
  d: { vendorId: string; serviceId: string | null },
): Promise<string | null> {
  const sameService = d.serviceId
    ? eq(aiSystemSupplier.serviceId, d.serviceId)
    : isNull(aiSystemSupplier.serviceId);
  const [linked] = await tx
    .select({ id: aiSystem.id })
    .from(aiSystem)
    .innerJoin(aiSystemSupplier, eq(aiSystemSupplier.aiSystemId, aiSystem.id))
    .where(and(eq(aiSystemSupplier.vendorId, d.vendorId), sameService))
    .orderBy(asc(aiSystem.createdAt))
    .limit(1);
  if (linked || !d.serviceId) return linked?.id ?? null;
  const [listed] = await tx
    .select({ id: aiSystem.id })
    .from(aiSystem)
    .where(arrayContains(aiSystem.serviceIds, [d.serviceId]))
    .orderBy(asc(aiSystem.createdAt))
    .limit(1);
  return listed?.id ?? null;
}

/**
 * Creates or updates the inventory entry for the decided service and links the vendor as its
 * supplier with the decided tier, in the decision's transaction. A new entry is prefilled from the
 * assessment; an existing one keeps what people wrote and takes the new review date (and is retired
 * from use on a rejection).
 */
export async function recordDecisionInInventory(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  d: DecisionForInventory,
): Promise<string> {
  const prefill = systemFromAssessment({
    answers: d.answers,
    serviceName: d.serviceName,
    vendorName: d.vendorName,
    context: d.context,
    outcome: d.outcome,
  });
  let systemId: string;
  const [before] = d.systemId
    ? await tx.select().from(aiSystem).where(eq(aiSystem.id, d.systemId)).for('update')
    : [];
  if (before) {
    const next = {
      nextReviewOn: d.nextReviewOn,
      serviceIds:
        d.serviceId && !before.serviceIds.includes(d.serviceId)
          ? [...before.serviceIds, d.serviceId]
          : before.serviceIds,
      lifecycleStage: d.outcome === 'reject' ? ('retirement' as const) : before.lifecycleStage,
      euAiActClass: before.euAiActClass === 'unknown' ? prefill.euAiActClass : before.euAiActClass,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(next)) {
      const old = before[key as keyof typeof next];
      if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = { from: old, to: value };
    }
    await tx
      .update(aiSystem)
      .set({ ...next, updatedAt: now })
      .where(eq(aiSystem.id, before.id));
    if (Object.keys(changes).length > 0)
      await recordAudit(tx, {
        actor,
        action: 'ai_system.updated',
        targetType: 'ai_system',
        targetId: before.id,
        details: { ...changes, fromAssessment: d.assessmentId },
        at: now,
      });
    systemId = before.id;
  } else {
    const values = {
      ...prefill,
      owner: d.owner.slice(0, 200),
      origin: 'third_party' as const,
      orgRole: 'deployer' as const,
      serviceIds: d.serviceId ? [d.serviceId] : [],
      nextReviewOn: d.nextReviewOn,
    };
    const [created] = await tx
      .insert(aiSystem)
      .values({
        ...values,
        createdBy: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: aiSystem.id });
    systemId = created!.id;
    await recordAudit(tx, {
      actor,
      action: 'ai_system.created',
      targetType: 'ai_system',
      targetId: systemId,
      details: { ...values, fromAssessment: d.assessmentId },
      at: now,
    });
  }
  await linkSupplierFromDecision(tx, actor, now, {
    systemId,
    vendorId: d.vendorId,
    vendorName: d.vendorName,
    serviceId: d.serviceId,
    tier: d.tier,
    assessmentId: d.assessmentId,
    answers: d.answers,
  });
  return systemId;
}
