import type { DbOrTx } from '@sightline/db/client';
import { auditLog } from '@sightline/db/schema/audit';
import { finding } from '@sightline/db/schema/findings';
import type { RiskTier } from '@sightline/shared/assessments/assessment-states';
import type { DecisionInput } from '@sightline/shared/decisions/decision-api';
import { isReviewAction } from '@sightline/shared/decisions/review-actions';
import { type ScoreResult, scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AssessmentRow } from '../assessments/assessment-records';

/**
 * Staff who reviewed this assessment: anyone with a review action in its history or on one of its
 * findings (see review-actions for which actions count).
 */
export async function reviewersOf(tx: DbOrTx, assessmentId: string): Promise<string[]> {
  const findingIds = tx
    .select({ id: sql`${finding.id}::text` })
    .from(finding)
    .where(eq(finding.assessmentId, assessmentId));
  const rows = await tx
    .selectDistinct({ actorId: auditLog.actorId, action: auditLog.action })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorType, 'staff'),
        or(
          and(eq(auditLog.targetType, 'assessment'), eq(auditLog.targetId, assessmentId)),
          and(eq(auditLog.targetType, 'finding'), inArray(auditLog.targetId, findingIds)),
        ),
      ),
    );
  return [
    ...new Set(rows.filter((r) => r.actorId !== null && isReviewAction(r.action)).map((r) => r.actorId!)),
  ];
}

/** The stored score a decision rests on; deciding without one is refused. */
export function storedScore(row: AssessmentRow): ScoreResult {
  const parsed = scoreResultSchema.safeParse(row.scoreResult);
  if (!parsed.success) {
    throw new AppError(
      'conflict',
      'This assessment has no stored score to decide on; it is scored when the vendor submits',
    );
  }
  return parsed.data;
}

/**
 * The tier the vendor gets: the scored residual tier, or the approver's documented adjustment. A
 * different tier needs its reason; a reason without a change is refused as a likely mistake.
 */
export function decidedTier(
  residualTier: RiskTier | null,
  input: Pick<DecisionInput, 'tier' | 'tierReason'>,
): { tier: RiskTier; tierReason: string | null } {
  const adjusted = input.tier !== undefined && input.tier !== residualTier;
  if (adjusted && !input.tierReason) {
    throw new AppError(
      'bad_request',
      residualTier
        ? `Scoring gave the ${residualTier} tier: say why the vendor's tier should be ${input.tier} (tierReason)`
        : 'Scoring gave no residual tier: say why you chose this tier (tierReason)',
    );
  }
  if (!adjusted && input.tierReason) {
    throw new AppError('bad_request', 'A tier reason goes with a tier other than the scored residual tier');
  }
  const tier = input.tier ?? residualTier;
  if (!tier) {
    throw new AppError(
      'bad_request',
      'Scoring gave no residual tier (too few scored answers): choose the tier and say why',
    );
  }
  return { tier, tierReason: adjusted ? input.tierReason! : null };
}
