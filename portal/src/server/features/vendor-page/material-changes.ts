import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { vendorMaterialChange } from '@sightline/db/schema/reviews';
import type { DeclareMaterialChangeInput } from '@sightline/shared/reviews/review-api';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import type { VendorCaller } from './vendor-access';

/** At most this many declarations per questionnaire: the form is for news, not a message board. */
const MAX_CHANGES = 50;

/**
 * The vendor declares a material change (a new model provider, a new region, a change of training
 * practice …) through its questionnaire link, whatever state the questionnaire is in while the link
 * works: a decided vendor's change is exactly what should bring the next review forward.
 */
export async function declareMaterialChange(
  deps: AssessmentDeps,
  caller: VendorCaller,
  input: DeclareMaterialChangeInput,
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: assessment.id, vendorId: assessment.vendorId })
      .from(assessment)
      .where(eq(assessment.id, caller.assessmentId))
      .for('update');
    if (!row) throw new AppError('not_found', 'No such questionnaire');
    const existing = await tx
      .select({ id: vendorMaterialChange.id })
      .from(vendorMaterialChange)
      .where(eq(vendorMaterialChange.assessmentId, row.id));
    if (existing.length >= MAX_CHANGES) {
      throw new AppError('conflict', `At most ${MAX_CHANGES} changes can be declared on one questionnaire`);
    }
    const [created] = await tx
      .insert(vendorMaterialChange)
      .values({
        vendorId: row.vendorId,
        assessmentId: row.id,
        kind: input.kind,
        description: input.description,
        declaredByTokenId: caller.tokenId,
        declaredAt: now,
      })
      .returning({ id: vendorMaterialChange.id });
    await recordAudit(tx, {
      actor: { type: 'vendor', ...caller },
      action: 'vendor.material_change_declared',
      targetType: 'vendor',
      targetId: row.vendorId,
      details: { changeId: created!.id, kind: input.kind, assessmentId: row.id, tokenId: caller.tokenId },
      at: now,
    });
    return {
      id: created!.id,
      kind: input.kind,
      description: input.description,
      declaredAt: now.toISOString(),
    };
  });
}

export async function declaredChanges(db: DbOrTx, assessmentId: string) {
  const rows = await db
    .select({
      kind: vendorMaterialChange.kind,
      description: vendorMaterialChange.description,
      declaredAt: vendorMaterialChange.declaredAt,
    })
    .from(vendorMaterialChange)
    .where(eq(vendorMaterialChange.assessmentId, assessmentId))
    .orderBy(desc(vendorMaterialChange.declaredAt));
  return rows.map((r) => ({ ...r, declaredAt: r.declaredAt.toISOString() }));
}
