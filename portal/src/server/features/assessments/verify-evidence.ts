import { evidenceFile } from '@sightline/db/schema/assessments';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import type { AssessmentDeps } from './assessment-deps';
import { lockAssessment } from './assessment-records';
import { rescore } from './score-service';

/** Evidence is verified while reviewers hold the questionnaire. */
const reviewStates: readonly string[] = ['submitted', 'under_review'];

/**
 * A reviewer vouches for (or withdraws from) one evidence file; scoring gives full points only to
 * verified, in-date evidence, so the stored score is recomputed in the same transaction.
 */
export async function verifyEvidence(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  evidenceId: string,
  verified: boolean,
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    if (!reviewStates.includes(row.state)) {
      throw new AppError(
        'conflict',
        'Evidence is verified while the questionnaire is submitted or under review',
      );
    }
    const updated = await tx
      .update(evidenceFile)
      .set(
        verified
          ? { verifiedAt: now, verifiedBy: actor.type === 'staff' ? actor.user.id : null }
          : { verifiedAt: null, verifiedBy: null },
      )
      .where(
        and(
          eq(evidenceFile.id, evidenceId),
          eq(evidenceFile.assessmentId, id),
          isNull(evidenceFile.removedAt),
        ),
      )
      .returning({ questionId: evidenceFile.questionId });
    if (updated.length === 0) throw new AppError('not_found', 'No such evidence file for this assessment');
    await recordAudit(tx, {
      actor,
      action: verified ? 'assessment.evidence_verified' : 'assessment.evidence_unverified',
      targetType: 'assessment',
      targetId: id,
      details: { evidenceId, questionId: updated[0]!.questionId },
      at: now,
    });
    await rescore(tx, row, actor, now);
    return { id: evidenceId, verified };
  });
}
