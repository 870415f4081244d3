import type { DbOrTx } from '@sightline/db/client';
import { assessmentAnswer, scoreOverride } from '@sightline/db/schema/assessments';
import type { OverrideInput } from '@sightline/shared/decisions/decision-api';
import { isScorable } from '@sightline/shared/questionnaire/question-helpers';
import { resolveVisibility } from '@sightline/shared/questionnaire/visibility';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { answersOf } from './answer-records';
import type { AssessmentDeps } from './assessment-deps';
import { type AssessmentRow, lockAssessment, snapshotOf } from './assessment-records';
import { rescore } from './score-service';
import { storedUseContext } from './stored-use-context';

/** Points are overridden while reviewers hold the questionnaire, before the decision. */
const reviewStates: readonly string[] = ['submitted', 'under_review'];

function checkReviewState(row: AssessmentRow) {
  if (!reviewStates.includes(row.state)) {
    throw new AppError(
      'conflict',
      'Points are overridden while the questionnaire is submitted or under review',
    );
  }
}

/** The question must be one scoring counts: asked, shown for these answers, weighted, not free text. */
async function checkOverridable(tx: DbOrTx, row: AssessmentRow, questionId: string) {
  const template = snapshotOf(row);
  const question = template.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
  if (!question) throw new AppError('bad_request', `Not a question of this questionnaire: ${questionId}`);
  if (!isScorable(question)) {
    throw new AppError('bad_request', `This question carries no points, so there is nothing to override`);
  }
  const answers = answersOf(
    await tx.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, row.id)),
  );
  const shown = resolveVisibility(template, answers, storedUseContext(row.useContext)).questions.some(
    (v) => v.question.id === questionId,
  );
  if (!shown) {
    throw new AppError(
      'bad_request',
      "This question is not shown for the vendor's answers, so it is not scored",
    );
  }
}

function scoreSummary(result: ScoreResult | null) {
  return result
    ? {
        residual: result.residual.overall,
        residualTier: result.residualTier,
        recommendation: result.recommendation,
      }
    : null;
}

/**
 * A reviewer replaces one question's points (0 to 1 of full assurance) with a reason; a second
 * override of the same question replaces the first. Audited and rescored in one transaction.
 */
export async function setOverride(deps: AssessmentDeps, actor: Actor, id: string, input: OverrideInput) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    checkReviewState(row);
    await checkOverridable(tx, row, input.questionId);
    const [previous] = await tx
      .select({ points: scoreOverride.points, reason: scoreOverride.reason })
      .from(scoreOverride)
      .where(and(eq(scoreOverride.assessmentId, id), eq(scoreOverride.questionId, input.questionId)));
    const values = {
      points: input.points,
      reason: input.reason,
      authorId: actor.type === 'staff' ? actor.user.id : null,
      createdAt: now,
    };
    await tx
      .insert(scoreOverride)
      .values({ assessmentId: id, questionId: input.questionId, ...values })
      .onConflictDoUpdate({ target: [scoreOverride.assessmentId, scoreOverride.questionId], set: values });
    await recordAudit(tx, {
      actor,
      action: 'assessment.override_set',
      targetType: 'assessment',
      targetId: id,
      details: {
        questionId: input.questionId,
        points: input.points,
        reason: input.reason,
        previous: previous ?? null,
      },
      at: now,
    });
    const result = await rescore(tx, row, actor, now);
    return {
      questionId: input.questionId,
      points: input.points,
      reason: input.reason,
      score: scoreSummary(result),
    };
  });
}

/** Withdraws an override: the question's computed points count again. Audited and rescored. */
export async function withdrawOverride(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  questionId: string,
  reason: string | undefined,
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    checkReviewState(row);
    const removed = await tx
      .delete(scoreOverride)
      .where(and(eq(scoreOverride.assessmentId, id), eq(scoreOverride.questionId, questionId)))
      .returning({ points: scoreOverride.points, reason: scoreOverride.reason });
    if (removed.length === 0) throw new AppError('not_found', 'This question has no override');
    await recordAudit(tx, {
      actor,
      action: 'assessment.override_withdrawn',
      targetType: 'assessment',
      targetId: id,
      details: {
        questionId,
        withdrawn: removed[0],
        ...(reason ? { reason } : {}),
      },
      at: now,
    });
    const result = await rescore(tx, row, actor, now);
    return { questionId, withdrawn: true, score: scoreSummary(result) };
  });
}
