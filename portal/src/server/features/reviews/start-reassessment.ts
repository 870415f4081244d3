import type { DbOrTx } from '@sightline/db/client';
import { assessment, assessmentAnswer, evidenceFile } from '@sightline/db/schema/assessments';
import { utcDay } from '@sightline/shared/assessments/dates';
import { validateAnswer } from '@sightline/shared/questionnaire/answer-schema';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import type { StartReassessmentInput } from '@sightline/shared/reviews/review-api';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../context';
import { AppError } from '../../errors';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { createAssessment } from '../assessments/create-assessment';
import { sendAssessment } from '../assessments/send-service';
import { storedUseContext } from '../assessments/stored-use-context';
import { defaultTemplateId, loadTemplate } from '../templates/templates-service';
import { findQuestion } from '../vendor-page/vendor-access';

/**
 * "Start reassessment": the next cycle of a decided assessment, through the normal create and send
 * flow (so the 409 guard, the audit and the mail are the ones every assessment gets). Last cycle's
 * answers are carried over where the question still exists in the current template and the answer
 * still fits it; they wait for the vendor to confirm or change them. Their evidence rows point at
 * the same stored files (no bytes are copied).
 */
export async function startReassessment(
  deps: AssessmentDeps,
  actor: Actor,
  previousId: string,
  input: StartReassessmentInput,
) {
  const [previous] = await deps.db.select().from(assessment).where(eq(assessment.id, previousId));
  if (!previous) throw new AppError('not_found', 'No assessment with this id');
  if (previous.state !== 'decided') {
    throw new AppError('conflict', 'Only a decided assessment can be reassessed');
  }
  // Observed users are counted afresh for the new cycle; the rest of the use profile carries over.
  const { observedUsers: _stale, ...useContext } = storedUseContext(previous.useContext) ?? {};
  const created = await createAssessment(
    deps,
    actor,
    {
      vendorId: previous.vendorId,
      ...(previous.serviceId ? { serviceId: previous.serviceId } : {}),
      ...(input.templateId ? { templateId: input.templateId } : {}),
      respondentName: input.respondentName ?? previous.respondentName,
      respondentEmail: input.respondentEmail ?? previous.respondentEmail,
      dueOn: input.dueOn,
      useContext,
    },
    async (tx, next) => {
      if (next.previousAssessmentId !== previous.id) {
        throw new AppError('conflict', 'A later cycle of this service was decided; reassess that one');
      }
      const { template } = await loadTemplate(tx, input.templateId ?? (await defaultTemplateId(tx)));
      const carried = await carryOver(tx, previous.id, next.id, template, utcDay(deps.now));
      await recordAudit(tx, {
        actor,
        action: 'assessment.reassessment_started',
        targetType: 'assessment',
        targetId: next.id,
        details: { previousAssessmentId: previous.id, ...carried },
        at: deps.now,
      });
    },
  );
  if (input.send === false) return { id: created.id, state: 'draft', mailed: false };
  return sendAssessment(deps, actor, created.id);
}

/**
 * Copies the answers whose question ids the new template still asks (and whose values still fit the
 * question), and the live, unexpired evidence of those questions and of file questions still asked.
 * A file question's carried files stand for its answer, so it gets a carried answer row too.
 */
async function carryOver(tx: DbOrTx, fromId: string, toId: string, template: Template, today: string) {
  const answers = await tx.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, fromId));
  const kept = new Set<string>();
  const dropped: string[] = [];
  for (const a of answers) {
    const question = findQuestion(template, a.questionId);
    const input: Record<string, unknown> = {};
    if (a.value !== null) input.value = a.value;
    if (a.notApplicable) input.notApplicable = true;
    if (a.comment) input.comment = a.comment;
    // A question whose options changed may no longer accept the old answer: ask it afresh.
    if (!question || !validateAnswer(question, input).ok) dropped.push(a.questionId);
    else kept.add(a.questionId);
  }
  const evidence = (
    await tx
      .select()
      .from(evidenceFile)
      .where(and(eq(evidenceFile.assessmentId, fromId), isNull(evidenceFile.removedAt)))
  ).filter((e) => {
    if (e.expiresOn && e.expiresOn < today) return false;
    const question = findQuestion(template, e.questionId);
    return question !== undefined && (question.type === 'file' || kept.has(e.questionId));
  });
  const rows = answers
    .filter((a) => kept.has(a.questionId))
    .map((a) => ({
      assessmentId: toId,
      questionId: a.questionId,
      value: a.value,
      notApplicable: a.notApplicable,
      comment: a.comment,
      carriedState: 'prefilled' as const,
    }));
  for (const questionId of new Set(evidence.map((e) => e.questionId))) {
    if (kept.has(questionId)) continue;
    kept.add(questionId);
    rows.push({
      assessmentId: toId,
      questionId,
      value: null,
      notApplicable: false,
      comment: null,
      carriedState: 'prefilled' as const,
    });
  }
  if (rows.length > 0) await tx.insert(assessmentAnswer).values(rows);
  if (evidence.length > 0) {
    // The reviewer's verification travels with the file: it is the same bytes they checked.
    await tx.insert(evidenceFile).values(
      evidence.map((e) => ({
        assessmentId: toId,
        questionId: e.questionId,
        fileId: e.fileId,
        expiresOn: e.expiresOn,
        uploadedAt: e.uploadedAt,
        uploadedByTokenId: e.uploadedByTokenId,
        verifiedBy: e.verifiedBy,
        verifiedAt: e.verifiedAt,
        carriedFromId: e.id,
      })),
    );
  }
  return { carriedQuestionIds: [...kept], droppedQuestionIds: dropped, carriedEvidence: evidence.length };
}
