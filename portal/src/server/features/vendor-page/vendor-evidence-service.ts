import { evidenceFile } from '@sightline/db/schema/assessments';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { PublicEvidence } from '@sightline/shared/assessments/vendor-page-api';
import { and, count, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { applyTransition, lockAssessment, snapshotOf } from '../assessments/assessment-records';
import { storeFile } from '../evidence/stored-files';
import type { CheckedUpload } from '../evidence/upload-check';
import { markCarriedFilesChanged } from './carried-answers';
import { editableChecker, findQuestion, type VendorCaller } from './vendor-access';

const MAX_FILES_PER_QUESTION = 20;

export async function uploadEvidence(
  deps: AssessmentDeps,
  caller: VendorCaller,
  fields: { questionId: string; expiresOn?: string | undefined },
  upload: CheckedUpload,
): Promise<PublicEvidence> {
  const { now } = deps;
  return deps.db.transaction(async (tx) => {
    let row = await lockAssessment(tx, caller.assessmentId);
    const editable = await editableChecker(tx, row);
    const question = findQuestion(snapshotOf(row), fields.questionId);
    if (!question) throw new AppError('bad_request', 'Not a question of this questionnaire');
    if (question.type !== 'file' && !question.evidence?.requested) {
      throw new AppError('bad_request', 'This question does not take evidence files');
    }
    const locked = editable(question.id);
    if (locked) throw new AppError('conflict', `This question is ${locked}`);
    if (question.evidence?.certificateExpiry && !fields.expiresOn) {
      throw new AppError('bad_request', "Give the certificate's expiry date with the file");
    }
    if (fields.expiresOn && fields.expiresOn < utcDay(now)) {
      throw new AppError('bad_request', 'This document has already expired; upload a current one');
    }
    const [existing] = await tx
      .select({ n: count() })
      .from(evidenceFile)
      .where(
        and(
          eq(evidenceFile.assessmentId, row.id),
          eq(evidenceFile.questionId, question.id),
          isNull(evidenceFile.removedAt),
        ),
      );
    if ((existing?.n ?? 0) >= MAX_FILES_PER_QUESTION) {
      throw new AppError('conflict', `At most ${MAX_FILES_PER_QUESTION} files per question`);
    }
    const fileId = await storeFile(tx, upload);
    const [created] = await tx
      .insert(evidenceFile)
      .values({
        assessmentId: row.id,
        questionId: question.id,
        fileId,
        expiresOn: fields.expiresOn ?? null,
        uploadedAt: now,
        uploadedByTokenId: caller.tokenId,
      })
      .returning({ id: evidenceFile.id });
    if (question.type === 'file') await markCarriedFilesChanged(tx, row.id, question.id);
    const actor = { type: 'vendor' as const, ...caller };
    if (row.state === 'sent') row = await applyTransition(tx, row, 'start', actor, now);
    await recordAudit(tx, {
      actor,
      action: 'assessment.evidence_uploaded',
      targetType: 'assessment',
      targetId: row.id,
      details: {
        evidenceId: created!.id,
        questionId: question.id,
        fileName: upload.fileName,
        mediaType: upload.mediaType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        expiresOn: fields.expiresOn ?? null,
        tokenId: caller.tokenId,
      },
      at: now,
    });
    return {
      id: created!.id,
      questionId: question.id,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.sizeBytes,
      expiresOn: fields.expiresOn ?? null,
      uploadedAt: now.toISOString(),
    };
  });
}

/** Removal keeps the bytes (marked removed) so the audit trail's hash still points at something. */
export async function removeEvidence(deps: AssessmentDeps, caller: VendorCaller, evidenceId: string) {
  const { now } = deps;
  await deps.db.transaction(async (tx) => {
    const row = await lockAssessment(tx, caller.assessmentId);
    const editable = await editableChecker(tx, row);
    const [file] = await tx
      .select()
      .from(evidenceFile)
      .where(
        and(
          eq(evidenceFile.id, evidenceId),
          eq(evidenceFile.assessmentId, row.id),
          isNull(evidenceFile.removedAt),
        ),
      );
    if (!file) throw new AppError('not_found', 'No such file on this questionnaire');
    const locked = editable(file.questionId);
    if (locked) throw new AppError('conflict', `This question is ${locked}`);
    await tx.update(evidenceFile).set({ removedAt: now }).where(eq(evidenceFile.id, evidenceId));
    if (findQuestion(snapshotOf(row), file.questionId)?.type === 'file') {
      await markCarriedFilesChanged(tx, row.id, file.questionId);
    }
    await recordAudit(tx, {
      actor: { type: 'vendor', ...caller },
      action: 'assessment.evidence_removed',
      targetType: 'assessment',
      targetId: row.id,
      details: { evidenceId, questionId: file.questionId, tokenId: caller.tokenId },
      at: now,
    });
  });
}
