import type { DbOrTx } from '@sightline/db/client';
import { reviewComment } from '@sightline/db/schema/assessments';
import type { VendorPageMode } from '@sightline/shared/assessments/vendor-page-api';
import type { Question, Template } from '@sightline/shared/questionnaire/template-schema';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { AssessmentRow } from '../assessments/assessment-records';

/** The vendor's request, as established by the token middleware. */
export type VendorCaller = { assessmentId: string; tokenId: string };

export function modeOf(row: Pick<AssessmentRow, 'state'>): VendorPageMode {
  if (row.state === 'sent' || row.state === 'in_progress') return 'answering';
  if (row.state === 'changes_requested') return 'changes';
  return 'read_only';
}

export async function openComments(tx: DbOrTx, assessmentId: string) {
  return tx
    .select({
      questionId: reviewComment.questionId,
      comment: reviewComment.comment,
      createdAt: reviewComment.createdAt,
    })
    .from(reviewComment)
    .where(and(eq(reviewComment.assessmentId, assessmentId), isNull(reviewComment.resolvedAt)))
    .orderBy(asc(reviewComment.createdAt));
}

export function findQuestion(template: Template, questionId: string): Question | undefined {
  for (const section of template.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return question;
  }
  return undefined;
}

/**
 * Which questions the vendor may change now: all of them while answering, only the questioned ones
 * in a changes-requested round, none once submitted. Refusals are 409s that name the reason.
 */
export async function editableChecker(
  tx: DbOrTx,
  row: AssessmentRow,
): Promise<(questionId: string) => string | null> {
  const mode = modeOf(row);
  if (mode === 'read_only') {
    const reason =
      row.state === 'submitted' || row.state === 'under_review' || row.state === 'decided'
        ? 'This questionnaire has been submitted; its answers are locked'
        : 'This questionnaire cannot be changed';
    throw new AppError('conflict', reason);
  }
  if (mode === 'answering') return () => null;
  const questioned = new Set((await openComments(tx, row.id)).map((c) => c.questionId));
  return (questionId) =>
    questioned.has(questionId) ? null : 'locked: only the questions the reviewers commented on can change';
}
