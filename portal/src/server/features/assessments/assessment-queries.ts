import type { Db } from '@sightline/db/client';
import {
  assessment,
  assessmentAnswer,
  assessmentToken,
  evidenceFile,
  questionnaireTemplate,
  reviewComment,
  scoreOverride,
} from '@sightline/db/schema/assessments';
import { auditLog } from '@sightline/db/schema/audit';
import { user } from '@sightline/db/schema/auth';
import { storedFile } from '@sightline/db/schema/files';
import { emailOutbox } from '@sightline/db/schema/mail';
import { vendor } from '@sightline/db/schema/vendors';
import type { AssessmentState } from '@sightline/shared/assessments/assessment-states';
import { utcDay } from '@sightline/shared/assessments/dates';
import type { PageQuery } from '@sightline/shared/http/paging';
import { missingRequired, progress } from '@sightline/shared/questionnaire/completeness';
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { ServiceDeps } from '../../context';
import { AppError } from '../../errors';
import { keyset } from '../../paging/keyset';
import { sortKeys } from '../../paging/sort-keys';
import { findingsOf } from '../findings/finding-queries';
import { loadTemplate } from '../templates/templates-service';
import { answersOf, evidenceSummaryOf } from './answer-records';
import { snapshotOf } from './assessment-records';
import { storedUseContext } from './stored-use-context';
import { linkHolderName } from './tokens';

const assessmentKeys = keyset('assessments', [
  sortKeys.instant(assessment.createdAt, 'desc'),
  sortKeys.uuid(assessment.id, 'desc'),
]);

/** Assessments newest first, a page at a time (the CSV export asks for one page of all of them). */
export async function listAssessments(
  db: Db,
  query: { state?: AssessmentState | undefined; vendorId?: string | undefined },
  page: PageQuery,
) {
  const filters: SQL[] = [];
  if (query.state) filters.push(eq(assessment.state, query.state));
  if (query.vendorId) filters.push(eq(assessment.vendorId, query.vendorId));
  const rows = await db
    .select({
      id: assessment.id,
      state: assessment.state,
      vendorId: assessment.vendorId,
      vendorName: vendor.name,
      serviceId: assessment.serviceId,
      respondentName: assessment.respondentName,
      respondentEmail: assessment.respondentEmail,
      dueOn: assessment.dueOn,
      sentAt: assessment.sentAt,
      firstOpenedAt: assessment.firstOpenedAt,
      submittedAt: assessment.submittedAt,
      createdAt: assessment.createdAt,
      templateTitle: questionnaireTemplate.title,
      templateVersion: questionnaireTemplate.version,
      ...assessmentKeys.select,
    })
    .from(assessment)
    .innerJoin(vendor, eq(vendor.id, assessment.vendorId))
    .innerJoin(questionnaireTemplate, eq(questionnaireTemplate.id, assessment.templateId))
    .where(and(...filters, assessmentKeys.after(page.cursor)))
    .orderBy(...assessmentKeys.orderBy)
    .limit(page.limit + 1);
  return assessmentKeys.page(rows, page.limit);
}

/**
 * Everything a reviewer sees on one assessment: questions as sent, answers, evidence, comments,
 * overrides (who, when, why), findings, history. `now` decides which findings are overdue.
 */
export async function getAssessmentDetail(deps: Pick<ServiceDeps, 'db' | 'now'>, id: string) {
  const { db, now } = deps;
  const [row] = await db.select().from(assessment).where(eq(assessment.id, id));
  if (!row) throw new AppError('not_found', 'No assessment with this id');
  const [vendorRow] = await db
    .select({ id: vendor.id, name: vendor.name })
    .from(vendor)
    .where(eq(vendor.id, row.vendorId));
  const [templateRow] = await db
    .select({
      id: questionnaireTemplate.id,
      key: questionnaireTemplate.key,
      version: questionnaireTemplate.version,
      title: questionnaireTemplate.title,
    })
    .from(questionnaireTemplate)
    .where(eq(questionnaireTemplate.id, row.templateId));
  if (!templateRow) throw new AppError('not_found', 'The template of this assessment is missing');
  // A draft has asked nothing yet, so it shows the template as it is now; a sent one what was asked.
  const questions = row.questionsSnapshot
    ? snapshotOf(row)
    : (await loadTemplate(db, row.templateId)).template;
  const [answerRows, evidence, comments, tokens, timeline, mails, overrides, findings] = await Promise.all([
    db.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, id)),
    db
      .select({
        id: evidenceFile.id,
        questionId: evidenceFile.questionId,
        expiresOn: evidenceFile.expiresOn,
        uploadedAt: evidenceFile.uploadedAt,
        verifiedAt: evidenceFile.verifiedAt,
        fileName: storedFile.fileName,
        mediaType: storedFile.mediaType,
        sizeBytes: storedFile.sizeBytes,
        sha256: storedFile.sha256,
      })
      .from(evidenceFile)
      .innerJoin(storedFile, eq(storedFile.id, evidenceFile.fileId))
      .where(and(eq(evidenceFile.assessmentId, id), isNull(evidenceFile.removedAt)))
      .orderBy(asc(evidenceFile.uploadedAt)),
    db
      .select({
        id: reviewComment.id,
        questionId: reviewComment.questionId,
        comment: reviewComment.comment,
        createdAt: reviewComment.createdAt,
        resolvedAt: reviewComment.resolvedAt,
        authorName: user.name,
      })
      .from(reviewComment)
      .leftJoin(user, eq(user.id, reviewComment.authorId))
      .where(eq(reviewComment.assessmentId, id))
      .orderBy(asc(reviewComment.createdAt)),
    db
      .select({
        id: assessmentToken.id,
        kind: assessmentToken.kind,
        issuedToName: assessmentToken.issuedToName,
        issuedToEmail: assessmentToken.issuedToEmail,
        createdAt: assessmentToken.createdAt,
        supersededAt: assessmentToken.supersededAt,
        revokedAt: assessmentToken.revokedAt,
        lastUsedAt: assessmentToken.lastUsedAt,
      })
      .from(assessmentToken)
      .where(eq(assessmentToken.assessmentId, id))
      .orderBy(asc(assessmentToken.createdAt)),
    db
      .select({
        seq: auditLog.seq,
        at: auditLog.at,
        actorType: auditLog.actorType,
        actorLabel: auditLog.actorLabel,
        action: auditLog.action,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'assessment'), eq(auditLog.targetId, id)))
      .orderBy(asc(auditLog.seq)),
    // Delivery state only: the bodies carry links, which stay on the outbox page.
    db
      .select({
        id: emailOutbox.id,
        toAddress: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        purpose: emailOutbox.purpose,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.relatedType, 'assessment'), eq(emailOutbox.relatedId, id)))
      .orderBy(asc(emailOutbox.createdAt)),
    db
      .select({
        questionId: scoreOverride.questionId,
        points: scoreOverride.points,
        reason: scoreOverride.reason,
        authorName: user.name,
        authorEmail: user.email,
        createdAt: scoreOverride.createdAt,
      })
      .from(scoreOverride)
      .leftJoin(user, eq(user.id, scoreOverride.authorId))
      .where(eq(scoreOverride.assessmentId, id))
      .orderBy(asc(scoreOverride.createdAt)),
    findingsOf(db, { assessmentId: id }, utcDay(now)),
  ]);
  const answers = answersOf(answerRows);
  const evidenceSummary = evidenceSummaryOf(evidence);
  const useContext = storedUseContext(row.useContext);
  // Who at the vendor gave each answer: the person the saving link was issued to (respondent or colleague).
  const linkHolder = new Map(tokens.map((t) => [t.id, linkHolderName(t)]));
  const { questionsSnapshot: _snapshot, ...fields } = row;
  return {
    assessment: fields,
    vendor: vendorRow ?? { id: row.vendorId, name: '' },
    template: {
      id: templateRow.id,
      key: templateRow.key,
      version: templateRow.version,
      title: templateRow.title,
    },
    questions,
    answers: answerRows.map((a) => ({
      questionId: a.questionId,
      value: a.value,
      notApplicable: a.notApplicable,
      comment: a.comment,
      locked: a.locked,
      updatedAt: a.updatedAt,
      savedBy: a.updatedByTokenId ? (linkHolder.get(a.updatedByTokenId) ?? null) : null,
    })),
    evidence,
    comments,
    tokens,
    timeline,
    mails,
    overrides,
    findings,
    progress: progress(questions, answers, evidenceSummary, useContext),
    missing: missingRequired(questions, answers, evidenceSummary, useContext),
  };
}

/** One evidence file of one assessment: the pair must match, so ids from elsewhere find nothing. */
export async function evidenceDownload(db: Db, assessmentId: string, evidenceId: string) {
  const [row] = await db
    .select({
      fileName: storedFile.fileName,
      mediaType: storedFile.mediaType,
      sizeBytes: storedFile.sizeBytes,
      sha256: storedFile.sha256,
      content: storedFile.content,
    })
    .from(evidenceFile)
    .innerJoin(storedFile, eq(storedFile.id, evidenceFile.fileId))
    .where(and(eq(evidenceFile.id, evidenceId), eq(evidenceFile.assessmentId, assessmentId)));
  if (!row) throw new AppError('not_found', 'No such evidence file for this assessment');
  return row;
}
