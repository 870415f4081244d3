import type { DbOrTx } from '@sightline/db/client';
import { assessment, assessmentAnswer } from '@sightline/db/schema/assessments';
import { aiSystem, aiSystemSupplier } from '@sightline/db/schema/inventory';
import { vendor } from '@sightline/db/schema/vendors';
import type { RiskTier } from '@sightline/shared/assessments/assessment-states';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { UpsertSupplierInput } from '@sightline/shared/inventory/inventory-api';
import {
  defaultResponsibilities,
  type ResponsibilityMatrix,
  responsibilityMatrixSchema,
} from '@sightline/shared/inventory/responsibilities';
import { responsibilitiesFromAnswers } from '@sightline/shared/inventory/responsibility-prefill';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { answersOf } from '../assessments/answer-records';
import { getSystem } from './inventory-queries';
import { checkServiceIds, type InventoryDeps } from './inventory-service';

type LinkRow = typeof aiSystemSupplier.$inferSelect;

async function lockSystem(tx: DbOrTx, id: string) {
  const [row] = await tx.select({ id: aiSystem.id }).from(aiSystem).where(eq(aiSystem.id, id)).for('update');
  if (!row) throw new AppError('not_found', 'No AI system with this id');
}

function storedMatrix(link: LinkRow): ResponsibilityMatrix {
  const parsed = responsibilityMatrixSchema.safeParse(link.responsibilities);
  return parsed.success ? parsed.data : defaultResponsibilities();
}

/** What changed between two matrices, activity by activity, for the history. */
function matrixChanges(before: ResponsibilityMatrix, after: ResponsibilityMatrix) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ResponsibilityMatrix)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { from: before[key], to: after[key] };
    }
  }
  return changes;
}

/**
 * The vendor's answers to start a new supplier link from: its latest answered assessment, one for
 * the same service first. None answered yet: the default split.
 */
async function prefillFromVendor(
  tx: DbOrTx,
  vendorId: string,
  serviceId: string | null,
): Promise<{ matrix: ResponsibilityMatrix; assessmentId: string | null }> {
  const [latest] = await tx
    .select({ id: assessment.id })
    .from(assessment)
    .where(
      and(
        eq(assessment.vendorId, vendorId),
        inArray(assessment.state, ['submitted', 'under_review', 'decided']),
      ),
    )
    .orderBy(
      ...(serviceId ? [desc(sql`${assessment.serviceId} is not distinct from ${serviceId}`)] : []),
      desc(assessment.submittedAt),
    )
    .limit(1);
  if (!latest) return { matrix: defaultResponsibilities(), assessmentId: null };
  const rows = await tx.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, latest.id));
  return { matrix: responsibilitiesFromAnswers(answersOf(rows)), assessmentId: latest.id };
}

/** Adds a supplier to a system or changes one; the tier is always the vendor's current one. */
export async function upsertSupplier(
  deps: InventoryDeps,
  actor: Actor,
  systemId: string,
  input: UpsertSupplierInput,
) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    await lockSystem(tx, systemId);
    const [vendorRow] = await tx
      .select({ id: vendor.id, name: vendor.name, tier: vendor.tier })
      .from(vendor)
      .where(eq(vendor.id, input.vendorId));
    if (!vendorRow) throw new AppError('bad_request', 'No vendor with this id');
    if (input.serviceId) await checkServiceIds(tx, [input.serviceId]);
    const [existing] = await tx
      .select()
      .from(aiSystemSupplier)
      .where(and(eq(aiSystemSupplier.aiSystemId, systemId), eq(aiSystemSupplier.vendorId, input.vendorId)))
      .for('update');
    if (existing) {
      const before = storedMatrix(existing);
      const responsibilities = { ...before, ...input.responsibilities };
      const serviceId = input.serviceId !== undefined ? input.serviceId : existing.serviceId;
      await tx
        .update(aiSystemSupplier)
        .set({ responsibilities, serviceId, riskTier: vendorRow.tier, updatedAt: now })
        .where(eq(aiSystemSupplier.id, existing.id));
      const changes = matrixChanges(before, responsibilities);
      if (serviceId !== existing.serviceId) changes.serviceId = { from: existing.serviceId, to: serviceId };
      if (Object.keys(changes).length > 0) {
        await touchAndAudit(tx, actor, now, systemId, 'ai_system.supplier_updated', {
          supplierId: existing.id,
          vendorId: vendorRow.id,
          vendorName: vendorRow.name,
          changes,
        });
      }
      return;
    }
    const serviceId = input.serviceId ?? null;
    const prefill = await prefillFromVendor(tx, vendorRow.id, serviceId);
    const responsibilities = { ...prefill.matrix, ...input.responsibilities };
    const [created] = await tx
      .insert(aiSystemSupplier)
      .values({
        aiSystemId: systemId,
        vendorId: vendorRow.id,
        serviceId,
        riskTier: vendorRow.tier,
        assessmentId: prefill.assessmentId,
        responsibilities,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: aiSystemSupplier.id });
    await touchAndAudit(tx, actor, now, systemId, 'ai_system.supplier_linked', {
      supplierId: created!.id,
      vendorId: vendorRow.id,
      vendorName: vendorRow.name,
      serviceId,
      tier: vendorRow.tier,
      prefilledFromAssessment: prefill.assessmentId,
      responsibilities,
    });
  });
  return getSystem(deps.db, systemId, utcDay(now));
}

/** Removes a supplier link, named by its own id or by the vendor's. */
export async function removeSupplier(
  deps: InventoryDeps,
  actor: Actor,
  systemId: string,
  supplierId: string,
) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    await lockSystem(tx, systemId);
    const removed = await tx
      .delete(aiSystemSupplier)
      .where(
        and(
          eq(aiSystemSupplier.aiSystemId, systemId),
          or(eq(aiSystemSupplier.id, supplierId), eq(aiSystemSupplier.vendorId, supplierId)),
        ),
      )
      .returning();
    const link = removed[0];
    if (!link) throw new AppError('not_found', 'This system has no such supplier');
    await touchAndAudit(tx, actor, now, systemId, 'ai_system.supplier_removed', {
      supplierId: link.id,
      vendorId: link.vendorId,
      serviceId: link.serviceId,
      responsibilities: link.responsibilities,
    });
  });
  return getSystem(deps.db, systemId, utcDay(now));
}

export type DecisionSupplierLink = {
  systemId: string;
  vendorId: string;
  vendorName: string;
  serviceId: string | null;
  tier: RiskTier;
  assessmentId: string;
  answers: Answers;
};

/**
 * A decision links its vendor to the system as a supplier with the tier just decided. A new link
 * takes its responsibilities from the answers; an existing one keeps what people refined.
 */
export async function linkSupplierFromDecision(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  link: DecisionSupplierLink,
): Promise<void> {
  const [existing] = await tx
    .select()
    .from(aiSystemSupplier)
    .where(and(eq(aiSystemSupplier.aiSystemId, link.systemId), eq(aiSystemSupplier.vendorId, link.vendorId)))
    .for('update');
  const details = {
    vendorId: link.vendorId,
    vendorName: link.vendorName,
    serviceId: link.serviceId,
    tier: link.tier,
    assessmentId: link.assessmentId,
  };
  if (existing) {
    await tx
      .update(aiSystemSupplier)
      .set({
        riskTier: link.tier,
        assessmentId: link.assessmentId,
        serviceId: existing.serviceId ?? link.serviceId,
        updatedAt: now,
      })
      .where(eq(aiSystemSupplier.id, existing.id));
    await touchAndAudit(tx, actor, now, link.systemId, 'ai_system.supplier_updated', {
      supplierId: existing.id,
      ...details,
      changes: { tier: { from: existing.riskTier, to: link.tier } },
    });
    return;
  }
  const responsibilities = responsibilitiesFromAnswers(link.answers);
  const [created] = await tx
    .insert(aiSystemSupplier)
    .values({
      aiSystemId: link.systemId,
      vendorId: link.vendorId,
      serviceId: link.serviceId,
      riskTier: link.tier,
      assessmentId: link.assessmentId,
      responsibilities,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: aiSystemSupplier.id });
  await touchAndAudit(tx, actor, now, link.systemId, 'ai_system.supplier_linked', {
    supplierId: created!.id,
    ...details,
    prefilledFromAssessment: link.assessmentId,
    responsibilities,
  });
}

async function touchAndAudit(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  systemId: string,
  action: string,
  details: Record<string, unknown>,
) {
  await tx.update(aiSystem).set({ updatedAt: now }).where(eq(aiSystem.id, systemId));
  await recordAudit(tx, { actor, action, targetType: 'ai_system', targetId: systemId, details, at: now });
}
