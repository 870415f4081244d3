import type { DbOrTx } from '@sightline/db/client';
import { assessmentAnswer, evidenceFile } from '@sightline/db/schema/assessments';
import type { SubmitProblem } from '@sightline/shared/assessments/vendor-page-api';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import type { UseContext } from '@sightline/shared/questionnaire/use-context';
import { visibleQuestions } from '@sightline/shared/questionnaire/visibility';
import type { ConfirmAnswersInput } from '@sightline/shared/reviews/review-api';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { lockAssessment } from '../assessments/assessment-records';
import { editableChecker, type VendorCaller } from './vendor-access';

/**
 * A carried-over answer the vendor changed: it is no longer last cycle's answer, so the evidence
 * carried over with it no longer proves it and is dropped (a file the vendor uploads afresh in this
 * cycle stays). The vendor re-attaches a carried file if it still applies; the reviewer then sees it
 * as new evidence for the new answer rather than as last cycle's proof of something else.
 */
export async function markCarriedAnswersChanged(
  tx: DbOrTx,
  assessmentId: string,
  questionIds: string[],
  now: Date,
): Promise<string[]> {
  if (questionIds.length === 0) return [];
  const changed = await tx
    .update(assessmentAnswer)
    .set({ carriedState: 'changed' })
    .where(
      and(
        eq(assessmentAnswer.assessmentId, assessmentId),
        inArray(assessmentAnswer.questionId, questionIds),
        inArray(assessmentAnswer.carriedState, ['prefilled', 'confirmed']),
      ),
    )
    .returning({ questionId: assessmentAnswer.questionId });
  const ids = changed.map((c) => c.questionId);
  if (ids.length > 0) {
    await tx
      .update(evidenceFile)
      .set({ removedAt: now })
      .where(
        and(
          eq(evidenceFile.assessmentId, assessmentId),
          inArray(evidenceFile.questionId, ids),
          isNotNull(evidenceFile.carriedFromId),
          isNull(evidenceFile.removedAt),
        ),
      );
  }
  return ids;
}

/** The vendor confirms carried-over answers are still true: they and their evidence stay as they are. */
export async function confirmCarriedAnswers(
  deps: AssessmentDeps,
  caller: VendorCaller,
  input: ConfirmAnswersInput,
) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, caller.assessmentId);
    const editable = await editableChecker(tx, row);
    const ids = [...new Set(input.questionIds)];
    const stored = await tx
      .select({ questionId: assessmentAnswer.questionId, carriedState: assessmentAnswer.carriedState })
      .from(assessmentAnswer)
      .where(and(eq(assessmentAnswer.assessmentId, row.id), inArray(assessmentAnswer.questionId, ids)));
    const byId = new Map(stored.map((s) => [s.questionId, s.carriedState]));
    const problems: { questionId: string; message: string }[] = [];
    for (const id of ids) {
      const locked = editable(id);
      if (locked) problems.push({ questionId: id, message: locked });
      else if (!byId.get(id)) problems.push({ questionId: id, message: 'not an answer carried over' });
      else if (byId.get(id) === 'changed') problems.push({ questionId: id, message: 'already changed' });
    }
    if (problems.length > 0) {
      throw new AppError(
        'bad_request',
        `Not confirmed: ${problems.map((p) => `${p.questionId} (${p.message})`).join('; ')}`,
        problems,
      );
    }
    await tx
      .update(assessmentAnswer)
      .set({ carriedState: 'confirmed', updatedAt: now, updatedByTokenId: caller.tokenId })
      .where(and(eq(assessmentAnswer.assessmentId, row.id), inArray(assessmentAnswer.questionId, ids)));
    await recordAudit(tx, {
      actor: { type: 'vendor', ...caller },
      action: 'assessment.answers_confirmed',
      targetType: 'assessment',
      targetId: row.id,
      details: { questionIds: ids, tokenId: caller.tokenId },
      at: now,
    });
    return { confirmed: ids };
  });
}

/** Carried-over answers of visible questions the vendor has neither confirmed nor changed. */
export async function unconfirmedProblems(
  tx: DbOrTx,
  assessmentId: string,
  template: Template,
  answers: Answers,
  context: UseContext | undefined,
): Promise<SubmitProblem[]> {
  const pending = await tx
    .select({ questionId: assessmentAnswer.questionId })
    .from(assessmentAnswer)
    .where(
      and(eq(assessmentAnswer.assessmentId, assessmentId), eq(assessmentAnswer.carriedState, 'prefilled')),
    );
  if (pending.length === 0) return [];
  const ids = new Set(pending.map((p) => p.questionId));
  return visibleQuestions(template, answers, context)
    .filter((v) => ids.has(v.question.id))
    .map((v) => ({ questionId: v.question.id, sectionId: v.sectionId, problem: 'unconfirmed' as const }));
}

/**
 * A file question's answer is its files: uploading or removing one changes a carried-over answer. The
 * other carried files stay (removing one is the vendor's own choice), unlike a changed text or choice
 * answer, whose carried files backed the old answer.
 */
export async function markCarriedFilesChanged(tx: DbOrTx, assessmentId: string, questionId: string) {
  await tx
    .update(assessmentAnswer)
    .set({ carriedState: 'changed' })
    .where(
      and(
        eq(assessmentAnswer.assessmentId, assessmentId),
        eq(assessmentAnswer.questionId, questionId),
        inArray(assessmentAnswer.carriedState, ['prefilled', 'confirmed']),
      ),
    );
}
