import type { DbOrTx } from '@sightline/db/client';
import { assessmentAnswer, reviewComment } from '@sightline/db/schema/assessments';
import type { RequestChangesInput, ReviewCommentInput } from '@sightline/shared/assessments/assessment-api';
import { utcDay } from '@sightline/shared/assessments/dates';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import { enqueueMail } from '../../mail/outbox';
import type { AssessmentDeps } from './assessment-deps';
import { changesRequestedMail } from './assessment-mail';
import {
  type AssessmentRow,
  applyTransition,
  checkDueDate,
  expiryFor,
  lockAssessment,
  snapshotOf,
} from './assessment-records';
import { mailContextFor } from './mail-context';
import { initialStamps } from './reminder-plan';
import { issueToken, vendorMailLink } from './tokens';

/** Comments are written while the reviewers hold the questionnaire, before it goes back. */
const commentableStates = ['submitted', 'under_review'] as const;

function checkQuestions(row: AssessmentRow, questionIds: readonly string[]) {
  const known = new Set(snapshotOf(row).sections.flatMap((s) => s.questions.map((q) => q.id)));
  const unknown = questionIds.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError('bad_request', `Not a question of this questionnaire: ${unknown.join(', ')}`);
}

export async function insertComments(
  tx: DbOrTx,
  row: AssessmentRow,
  actor: Actor,
  comments: readonly ReviewCommentInput[],
  now: Date,
) {
  if (comments.length === 0) return [];
  checkQuestions(
    row,
    comments.map((c) => c.questionId),
  );
  return tx
    .insert(reviewComment)
    .values(
      comments.map((c) => ({
        assessmentId: row.id,
        questionId: c.questionId,
        comment: c.comment,
        authorId: actor.type === 'staff' ? actor.user.id : null,
        createdAt: now,
      })),
    )
    .returning({ id: reviewComment.id, questionId: reviewComment.questionId });
}

export async function addReviewComment(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  input: ReviewCommentInput,
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    if (!(commentableStates as readonly string[]).includes(row.state)) {
      throw new AppError('conflict', 'Comments can be added once the vendor has submitted');
    }
    const [created] = await insertComments(tx, row, actor, [input], now);
    await recordAudit(tx, {
      actor,
      action: 'assessment.comment_added',
      targetType: 'assessment',
      targetId: id,
      details: { commentId: created!.id, questionId: input.questionId },
      at: now,
    });
    return { id: created!.id };
  });
}

export async function deleteReviewComment(deps: AssessmentDeps, actor: Actor, id: string, commentId: string) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    if (!(commentableStates as readonly string[]).includes(row.state)) {
      throw new AppError('conflict', 'Comments already sent to the vendor stay on record');
    }
    const removed = await tx
      .delete(reviewComment)
      .where(
        and(
          eq(reviewComment.id, commentId),
          eq(reviewComment.assessmentId, id),
          isNull(reviewComment.resolvedAt),
        ),
      )
      .returning({ questionId: reviewComment.questionId });
    if (removed.length === 0) throw new AppError('not_found', 'No open comment with this id');
    await recordAudit(tx, {
      actor,
      action: 'assessment.comment_removed',
      targetType: 'assessment',
      targetId: id,
      details: { commentId, questionId: removed[0]!.questionId },
      at: now,
    });
  });
}

/**
 * Sends the questionnaire back. Questions with open comments unlock (and only those); the vendor
 * gets a fresh link by mail. A new due date is needed when the old one, plus grace, has passed.
 */
export async function requestChanges(
  deps: AssessmentDeps,
  actor: Actor,
  id: string,
  input: RequestChangesInput,
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    let row = await lockAssessment(tx, id);
    await insertComments(tx, row, actor, input.comments ?? [], now);
    const open = await tx
      .select({ questionId: reviewComment.questionId })
      .from(reviewComment)
      .where(and(eq(reviewComment.assessmentId, id), isNull(reviewComment.resolvedAt)));
    const questionIds = [...new Set(open.map((c) => c.questionId))];
    if (questionIds.length === 0) {
      throw new AppError('bad_request', 'Add a comment to at least one question before requesting changes');
    }
    if (input.dueOn) checkDueDate(input.dueOn, now);
    const dueOn = input.dueOn ?? row.dueOn;
    const expiresAt = await expiryFor(tx, dueOn);
    if (expiresAt <= now) {
      throw new AppError('bad_request', 'The due date and grace period have passed: give a new due date');
    }
    row = await applyTransition(tx, row, 'request_changes', actor, now, {
      set: { dueOn, expiresAt, ...initialStamps(dueOn, utcDay(now), now) },
      details: { questionIds, dueOn },
    });
    await tx
      .update(assessmentAnswer)
      .set({ locked: false })
      .where(and(eq(assessmentAnswer.assessmentId, id), inArray(assessmentAnswer.questionId, questionIds)));
    const issued = await issueToken(tx, {
      assessmentId: id,
      kind: 'primary',
      name: row.respondentName,
      email: row.respondentEmail,
      now,
    });
    const ctx = await mailContextFor(tx, row, deps.env.MAIL_FROM);
    const link = vendorMailLink(deps.env.PUBLIC_URL, issued);
    const mailId = await enqueueMail(
      tx,
      changesRequestedMail(
        ctx,
        { name: row.respondentName, email: row.respondentEmail },
        link,
        questionIds.length,
        input.message,
      ),
    );
    await recordAudit(tx, {
      actor,
      action: 'assessment.link_issued',
      targetType: 'assessment',
      targetId: id,
      details: {
        tokenId: issued.tokenId,
        supersededTokenIds: issued.supersededIds,
        to: row.respondentEmail,
        mailId,
      },
      at: now,
    });
    const result: { id: string; state: string; questionIds: string[]; link?: string } = {
      id,
      state: row.state,
      questionIds,
    };
    if (!deps.mailer.configured) result.link = link.url;
    return result;
  });
}

/** Reviewers take a submitted questionnaire into review; the decision (a later step) starts from here. */
export async function startReview(deps: AssessmentDeps, actor: Actor, id: string) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, id);
    const updated = await applyTransition(tx, row, 'start_review', actor, now);
    return { id, state: updated.state };
  });
}
