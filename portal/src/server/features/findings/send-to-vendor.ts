import { reviewComment } from '@sightline/db/schema/assessments';
import { finding } from '@sightline/db/schema/findings';
import { utcDay } from '@sightline/shared/assessments/dates';
import { isBlocking } from '@sightline/shared/findings/finding-states';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { lockAssessment } from '../assessments/assessment-records';
import { insertComments } from '../assessments/review-service';
import { recordFindingChange } from './finding-history';
import { getFinding } from './finding-queries';
import { lockFinding } from './findings-service';

/** Comments are written while the reviewers hold the questionnaire (as in review-service). */
const commentableStates: readonly string[] = ['submitted', 'under_review'];
const MAX_COMMENT = 4000;

/**
 * Puts a finding in front of the vendor as a review comment on its question (its title and the
 * requested action) and moves it into remediation. It does not send the questionnaire back by
 * itself: the reviewer sends every comment and finding of the round at once with "request changes",
 * so the vendor gets one mail and one link, not one per finding.
 */
export async function sendFindingToVendor(deps: AssessmentDeps, actor: Actor, id: string) {
  const { now } = deps;
  const commentId = await deps.db.transaction(async (tx) => {
    const [ref] = await tx
      .select({ assessmentId: finding.assessmentId })
      .from(finding)
      .where(eq(finding.id, id));
    if (!ref) throw new AppError('not_found', 'No finding with this id');
    // The assessment first, as rescoring does, so the two never wait for each other.
    const row = await lockAssessment(tx, ref.assessmentId);
    const f = await lockFinding(tx, id);
    if (!f.questionId) {
      throw new AppError(
        'conflict',
        'This finding names no single question; flag the questions to ask about, or comment on them',
      );
    }
    if (!isBlocking(f.status))
      throw new AppError('conflict', 'Only an open finding can be sent to the vendor');
    if (!commentableStates.includes(row.state)) {
      throw new AppError(
        'conflict',
        'Findings are sent to the vendor while the questionnaire is submitted or under review',
      );
    }
    const comment = (f.requestedAction ? `${f.title}\n\n${f.requestedAction}` : f.title).slice(
      0,
      MAX_COMMENT,
    );
    const [pending] = await tx
      .select({ id: reviewComment.id })
      .from(reviewComment)
      .where(
        and(
          eq(reviewComment.assessmentId, row.id),
          eq(reviewComment.questionId, f.questionId),
          eq(reviewComment.comment, comment),
          isNull(reviewComment.resolvedAt),
        ),
      );
    if (pending)
      throw new AppError('conflict', 'This finding already waits for the vendor; request changes to send it');
    const [created] = await insertComments(tx, row, actor, [{ questionId: f.questionId, comment }], now);
    await recordAudit(tx, {
      actor,
      action: 'assessment.comment_added',
      targetType: 'assessment',
      targetId: row.id,
      details: { commentId: created!.id, questionId: f.questionId, findingId: id },
      at: now,
    });
    const to = f.status === 'open' ? 'in_remediation' : f.status;
    await tx
      .update(finding)
      .set({ sentToVendorAt: now, status: to, updatedAt: now })
      .where(eq(finding.id, id));
    await recordFindingChange(
      tx,
      actor,
      {
        findingId: id,
        action: 'sent_to_vendor',
        fromStatus: f.status,
        toStatus: to,
        details: { commentId: created!.id, questionId: f.questionId },
      },
      now,
    );
    return created!.id;
  });
  return { ...(await getFinding(deps.db, id, utcDay(now))), commentId };
}
