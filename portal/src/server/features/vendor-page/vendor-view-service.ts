import {
  assessment,
  assessmentAnswer,
  assessmentToken,
  evidenceFile,
} from '@sightline/db/schema/assessments';
import { storedFile } from '@sightline/db/schema/files';
import { type VendorView, vendorViewSchema } from '@sightline/shared/assessments/vendor-page-api';
import { toPublicTemplate } from '@sightline/shared/questionnaire/public-view';
import { toPublicUseContext, useContextSchema } from '@sightline/shared/questionnaire/use-context';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import {
  mailFromAddress,
  organisationName,
  senderOf,
  snapshotOf,
  vendorNameOf,
} from '../assessments/assessment-records';
import { declaredChanges } from './material-changes';
import { modeOf, openComments, type VendorCaller } from './vendor-access';

/** A stored answer as the vendor page shows it: only the fields that are set. */
export function toPublicAnswer(row: typeof assessmentAnswer.$inferSelect): VendorView['answers'][string] {
  const answer: VendorView['answers'][string] = {};
  if (row.value !== null && row.value !== undefined) answer.value = row.value as string | string[] | number;
  if (row.notApplicable) answer.notApplicable = true;
  if (row.comment) answer.comment = row.comment;
  return answer;
}

export async function liveEvidence(db: AssessmentDeps['db'], assessmentId: string) {
  const rows = await db
    .select({
      id: evidenceFile.id,
      questionId: evidenceFile.questionId,
      expiresOn: evidenceFile.expiresOn,
      uploadedAt: evidenceFile.uploadedAt,
      fileName: storedFile.fileName,
      mediaType: storedFile.mediaType,
      sizeBytes: storedFile.sizeBytes,
      carriedFromId: evidenceFile.carriedFromId,
    })
    .from(evidenceFile)
    .innerJoin(storedFile, eq(storedFile.id, evidenceFile.fileId))
    .where(and(eq(evidenceFile.assessmentId, assessmentId), isNull(evidenceFile.removedAt)))
    .orderBy(asc(evidenceFile.uploadedAt));
  return rows.map(({ carriedFromId, ...r }) => ({
    ...r,
    uploadedAt: r.uploadedAt.toISOString(),
    ...(carriedFromId ? { carriedOver: true } : {}),
  }));
}

/**
 * The questionnaire as the vendor sees it: the public projection of the snapshot (no weights,
 * points, knock-outs or tags) and their own answers. The first open is recorded once.
 */
export async function getVendorView(deps: AssessmentDeps, caller: VendorCaller): Promise<VendorView> {
  const { db } = deps;
  const { now } = deps;
  const [row] = await db.select().from(assessment).where(eq(assessment.id, caller.assessmentId));
  const [token] = await db.select().from(assessmentToken).where(eq(assessmentToken.id, caller.tokenId));
  if (!row || !token) throw new AppError('not_found', 'No such questionnaire');
  // The first open is stamped and audited together, once, however many tabs open at the same moment.
  await db.transaction(async (tx) => {
    const firstOpen = await tx
      .update(assessment)
      .set({ firstOpenedAt: now })
      .where(and(eq(assessment.id, row.id), isNull(assessment.firstOpenedAt)))
      .returning({ id: assessment.id });
    if (firstOpen.length === 0) return;
    await recordAudit(tx, {
      actor: { type: 'vendor', ...caller },
      action: 'assessment.viewed',
      targetType: 'assessment',
      targetId: row.id,
      details: { tokenId: caller.tokenId, first: true },
      at: now,
    });
  });
  const template = snapshotOf(row);
  const [answerRows, evidence, comments, sender] = await Promise.all([
    db.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, row.id)),
    liveEvidence(db, row.id),
    openComments(db, row.id),
    senderOf(db, row, mailFromAddress(deps.env.MAIL_FROM)),
  ]);
  const mode = modeOf(row);
  const answers: VendorView['answers'] = {};
  const revisions: VendorView['revisions'] = {};
  const carried: NonNullable<VendorView['carried']> = {};
  for (const a of answerRows) {
    answers[a.questionId] = toPublicAnswer(a);
    revisions[a.questionId] = a.revision;
    if (a.carriedState) carried[a.questionId] = a.carriedState;
  }
  const changes = await declaredChanges(db, row.id);
  const view: VendorView = {
    assessment: {
      state: row.state,
      mode,
      organisationName: await organisationName(db),
      vendorName: await vendorNameOf(db, row.vendorId),
      respondentName: row.respondentName,
      dueOn: row.dueOn,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      contact: sender,
      you: { name: token.issuedToName, email: token.issuedToEmail, colleague: token.kind === 'colleague' },
    },
    template: toPublicTemplate(template),
    // Only the fields the vendor may see: never observed figures, criticality or scores.
    ...(publicContextOf(row.useContext) ? { useContext: publicContextOf(row.useContext) } : {}),
    answers,
    revisions,
    evidence,
    reviewComments:
      mode === 'read_only' ? [] : comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    editableQuestionIds: mode === 'changes' ? [...new Set(comments.map((c) => c.questionId))] : null,
    ...(Object.keys(carried).length > 0 ? { carried } : {}),
    ...(changes.length > 0 ? { materialChanges: changes } : {}),
  };
  // Strict schema: a field that is not meant for vendors fails here instead of leaking.
  return vendorViewSchema.parse(view);
}

/** The stored use context narrowed to what the vendor page may show; none when nothing is stated. */
function publicContextOf(stored: unknown): VendorView['useContext'] {
  const parsed = useContextSchema.safeParse(stored ?? {});
  if (!parsed.success) return undefined;
  const result = toPublicUseContext(parsed.data);
  return Object.keys(result).length > 0 ? result : undefined;
}
