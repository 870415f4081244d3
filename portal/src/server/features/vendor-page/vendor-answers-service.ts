import type { DbOrTx } from '@sightline/db/client';
import {
  assessmentAnswer,
  assessmentToken,
  evidenceFile,
  reviewComment,
} from '@sightline/db/schema/assessments';
import { vendorEditableStates } from '@sightline/shared/assessments/assessment-transitions';
import type {
  AnswerConflict,
  SaveAnswersInput,
  SubmitProblem,
} from '@sightline/shared/assessments/vendor-page-api';
import { validateAnswer } from '@sightline/shared/questionnaire/answer-schema';
import { missingRequired } from '@sightline/shared/questionnaire/completeness';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { enqueueMail } from '../../mail/outbox';
import { answersOf, evidenceSummaryOf } from '../assessments/answer-records';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { submittedNotice } from '../assessments/assessment-mail';
import { applyTransition, lockAssessment, snapshotOf } from '../assessments/assessment-records';
import { mailContextFor } from '../assessments/mail-context';
import { rescore } from '../assessments/score-service';
import { storedUseContext } from '../assessments/stored-use-context';
import { linkHolderName } from '../assessments/tokens';
import { markCarriedAnswersChanged, unconfirmedProblems } from './carried-answers';
import { editableChecker, findQuestion, type VendorCaller } from './vendor-access';
import { toPublicAnswer } from './vendor-view-service';

/**
 * Autosave: every answer is checked against the question as sent; one bad answer refuses the whole
 * request (400 listing each problem), and so does one answer someone else saved since the revision the
 * request started from (409 with what they saved), so the page never half-saves or silently overwrites.
 */
export async function saveAnswers(deps: AssessmentDeps, caller: VendorCaller, input: SaveAnswersInput) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    let row = await lockAssessment(tx, caller.assessmentId);
    const editable = await editableChecker(tx, row);
    const template = snapshotOf(row);
    const problems: { questionId: string; message: string }[] = [];
    const accepted: AcceptedAnswer[] = [];
    for (const [questionId, answerInput] of Object.entries(input.answers)) {
      const question = findQuestion(template, questionId);
      if (!question) {
        problems.push({ questionId, message: 'not a question of this questionnaire' });
        continue;
      }
      const locked = editable(questionId);
      if (locked) {
        problems.push({ questionId, message: locked });
        continue;
      }
      const result = validateAnswer(question, answerInput);
      if (!result.ok) {
        problems.push({ questionId, message: result.error });
        continue;
      }
      accepted.push({
        questionId,
        value: result.answer.value ?? null,
        notApplicable: result.answer.notApplicable === true,
        comment: result.answer.comment ?? null,
      });
    }
    if (problems.length > 0) {
      throw new AppError(
        'bad_request',
        `Not saved: ${problems.map((p) => `${p.questionId} (${p.message})`).join('; ')}`,
        problems,
      );
    }
    const { changed, revisions } = await checkRevisions(tx, row.id, accepted, input.baseRevisions ?? {});
    for (const answer of changed) {
      const values = { ...answer, locked: false, updatedAt: now, updatedByTokenId: caller.tokenId };
      const [saved] = await tx
        .insert(assessmentAnswer)
        .values({ assessmentId: row.id, ...values, revision: 1 })
        .onConflictDoUpdate({
          target: [assessmentAnswer.assessmentId, assessmentAnswer.questionId],
          set: { ...values, revision: sql`${assessmentAnswer.revision} + 1` },
        })
        .returning({ revision: assessmentAnswer.revision });
      revisions[answer.questionId] = saved!.revision;
    }
    await markCarriedAnswersChanged(
      tx,
      row.id,
      changed.map((a) => a.questionId),
      now,
    );
    const actor = { type: 'vendor' as const, ...caller };
    if (row.state === 'sent') row = await applyTransition(tx, row, 'start', actor, now);
    // Question ids only, never the answers themselves: the audit trail is no copy of the vendor's data.
    await recordAudit(tx, {
      actor,
      action: 'assessment.answers_saved',
      targetType: 'assessment',
      targetId: row.id,
      details: { questionIds: accepted.map((a) => a.questionId), tokenId: caller.tokenId },
      at: now,
    });
    return { saved: accepted.map((a) => a.questionId), state: row.state, revisions };
  });
}

type AcceptedAnswer = { questionId: string; value: unknown; notApplicable: boolean; comment: string | null };

const sameAnswer = (a: AcceptedAnswer, row: typeof assessmentAnswer.$inferSelect) =>
  JSON.stringify(a.value ?? null) === JSON.stringify(row.value ?? null) &&
  a.notApplicable === row.notApplicable &&
  (a.comment ?? null) === (row.comment ?? null);

/**
 * Compares each answer's base revision with what is stored (the assessment row is locked, so saves are
 * serialised). An answer already stored exactly as sent is no conflict and needs no write: that is a
 * retried request whose first attempt got through. Anything else saved since the base refuses the
 * whole request with the stored answers, for the person to choose.
 */
async function checkRevisions(
  tx: DbOrTx,
  assessmentId: string,
  accepted: AcceptedAnswer[],
  baseRevisions: Record<string, number>,
): Promise<{ changed: AcceptedAnswer[]; revisions: Record<string, number> }> {
  const ids = accepted.map((a) => a.questionId);
  const stored = new Map(
    (
      await tx
        .select()
        .from(assessmentAnswer)
        .where(
          and(eq(assessmentAnswer.assessmentId, assessmentId), inArray(assessmentAnswer.questionId, ids)),
        )
    ).map((r) => [r.questionId, r]),
  );
  const changed: AcceptedAnswer[] = [];
  const revisions: Record<string, number> = {};
  const conflicts: (AnswerConflict & { tokenId: string | null })[] = [];
  for (const answer of accepted) {
    const current = stored.get(answer.questionId);
    if (current && sameAnswer(answer, current)) {
      revisions[answer.questionId] = current.revision;
      continue;
    }
    const base = baseRevisions[answer.questionId];
    if (current && base !== undefined && base !== current.revision) {
      conflicts.push({
        questionId: answer.questionId,
        theirs: toPublicAnswer(current),
        revision: current.revision,
        savedBy: null,
        savedAt: current.updatedAt.toISOString(),
        tokenId: current.updatedByTokenId,
      });
      continue;
    }
    changed.push(answer);
  }
  if (conflicts.length > 0) {
    const names = await linkHolderNames(
      tx,
      conflicts.map((c) => c.tokenId),
    );
    throw new AppError(
      'conflict',
      `Not saved: someone else changed ${conflicts.length === 1 ? 'this answer' : `${conflicts.length} of these answers`} in the meantime`,
      conflicts.map(({ tokenId, ...c }) => ({
        ...c,
        savedBy: tokenId ? (names.get(tokenId) ?? null) : null,
      })),
    );
  }
  return { changed, revisions };
}

/** The name (or email) each link was issued to. */
async function linkHolderNames(tx: DbOrTx, tokenIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(tokenIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      id: assessmentToken.id,
      issuedToName: assessmentToken.issuedToName,
      issuedToEmail: assessmentToken.issuedToEmail,
    })
    .from(assessmentToken)
    .where(inArray(assessmentToken.id, ids));
  return new Map(rows.map((r) => [r.id, linkHolderName(r)]));
}

/**
 * Submit: every visible required question answered (file questions with a file), then all answers
 * lock and open review comments count as answered. Refused with the list of what is missing.
 */
export async function submitAnswers(deps: AssessmentDeps, caller: VendorCaller) {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, caller.assessmentId);
    if (!vendorEditableStates.includes(row.state)) {
      throw new AppError('conflict', 'This questionnaire has already been submitted or is closed');
    }
    const template = snapshotOf(row);
    const answers = answersOf(
      await tx.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, row.id)),
    );
    const files = await tx
      .select({ questionId: evidenceFile.questionId, expiresOn: evidenceFile.expiresOn })
      .from(evidenceFile)
      .where(and(eq(evidenceFile.assessmentId, row.id), isNull(evidenceFile.removedAt)));
    const problems: SubmitProblem[] = missingRequired(
      template,
      answers,
      evidenceSummaryOf(files),
      storedUseContext(row.useContext),
    ).map((m) => {
      const problem: SubmitProblem = {
        questionId: m.questionId,
        sectionId: m.sectionId,
        problem: m.problem,
      };
      if (m.detail) problem.detail = m.detail;
      return problem;
    });
    const answered = new Set(problems.map((p) => p.questionId));
    for (const p of await unconfirmedProblems(
      tx,
      row.id,
      template,
      answers,
      storedUseContext(row.useContext),
    )) {
      if (!answered.has(p.questionId)) problems.push(p);
    }
    if (problems.length > 0) {
      throw new AppError(
        'bad_request',
        problems.every((p) => p.problem === 'unconfirmed')
          ? `${problems.length} answer${problems.length === 1 ? '' : 's'} from the last assessment still to confirm or change`
          : `${problems.length} required question${problems.length === 1 ? ' is' : 's are'} still unanswered`,
        problems,
      );
    }
    const resubmission = row.state === 'changes_requested';
    await tx.update(assessmentAnswer).set({ locked: true }).where(eq(assessmentAnswer.assessmentId, row.id));
    await tx
      .update(reviewComment)
      .set({ resolvedAt: now })
      .where(and(eq(reviewComment.assessmentId, row.id), isNull(reviewComment.resolvedAt)));
    const actor = { type: 'vendor' as const, ...caller };
    const updated = await applyTransition(tx, row, 'submit', actor, now, {
      set: { submittedAt: now },
      details: { tokenId: caller.tokenId, resubmission },
    });
    await rescore(tx, updated, actor, now);
    const ctx = await mailContextFor(tx, updated, deps.env.MAIL_FROM);
    await enqueueMail(tx, submittedNotice(ctx, row.respondentName, resubmission));
    return { state: updated.state, submittedAt: now.toISOString() };
  });
}
