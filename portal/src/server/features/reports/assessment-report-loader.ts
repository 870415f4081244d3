import type { Db } from '@sightline/db/client';
import { evidenceFile } from '@sightline/db/schema/assessments';
import { user } from '@sightline/db/schema/auth';
import { utcDay } from '@sightline/shared/assessments/dates';
import { answerText } from '@sightline/shared/questionnaire/answer-text';
import { crosswalk, frameworkLabels } from '@sightline/shared/questionnaire/crosswalk';
import { evidenceState } from '@sightline/shared/questionnaire/evidence-summary';
import { describeReference } from '@sightline/shared/questionnaire/legal-references';
import type { Question } from '@sightline/shared/questionnaire/template-schema';
import { resolveVisibility } from '@sightline/shared/questionnaire/visibility';
import { scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { eq } from 'drizzle-orm';
import type { ServiceDeps } from '../../context';
import { AppError } from '../../errors';
import { answersOf, evidenceSummaryOf } from '../assessments/answer-records';
import { getAssessmentDetail } from '../assessments/assessment-queries';
import { organisationName } from '../assessments/assessment-records';
import { storedUseContext } from '../assessments/stored-use-context';
import { linkHolderName } from '../assessments/tokens';
import { loadCatalog } from '../catalog/catalog-source';
import { getDecision } from '../decisions/decision-queries';
import { answersDigest } from './answers-digest';
import type { AssessmentReportData, ReportDecision, ReportQuestion } from './assessment-report-data';

/** Reads one assessment and everything around it, and puts it in the words the report prints. */
export async function loadAssessmentReportData(
  deps: Pick<ServiceDeps, 'db' | 'now'>,
  id: string,
): Promise<AssessmentReportData> {
  const { db, now } = deps;
  const detail = await getAssessmentDetail(deps, id);
  const row = detail.assessment;
  const [organisation, decision, catalog, evidencePeople] = await Promise.all([
    organisationName(db),
    decisionOf(db, id),
    loadCatalog(db),
    db
      .select({ id: evidenceFile.id, tokenId: evidenceFile.uploadedByTokenId, verifiedBy: user.name })
      .from(evidenceFile)
      .leftJoin(user, eq(user.id, evidenceFile.verifiedBy))
      .where(eq(evidenceFile.assessmentId, id)),
  ]);
  const answers = answersOf(detail.answers);
  const today = utcDay(now);
  const evidence = evidenceSummaryOf(detail.evidence, today);
  const visibility = resolveVisibility(detail.questions, answers, storedUseContext(row.useContext));
  const asked = new Set(visibility.questions.map((q) => q.question.id));
  const parsedScore = scoreResultSchema.safeParse(row.scoreResult);
  const score = parsedScore.success ? parsedScore.data : null;
  const breakdown = new Map(score?.breakdown.map((b) => [b.questionId, b]));
  const answerRows = new Map(detail.answers.map((a) => [a.questionId, a]));
  const overrides = new Map(detail.overrides.map((o) => [o.questionId, o]));
  const verifiedBy = new Map(evidencePeople.map((e) => [e.id, e.verifiedBy]));
  // Who at the vendor uploaded each file: the person its link was issued to.
  const holders = new Map(detail.tokens.map((t) => [t.id, linkHolderName(t)]));
  const uploaderOf = new Map(
    evidencePeople.map((e) => [e.id, e.tokenId ? holders.get(e.tokenId) : undefined]),
  );

  const answerOf = (question: Question): string | null => {
    const stored = answerRows.get(question.id);
    if (!stored) return null;
    if (stored.notApplicable) return 'Not applicable';
    if (question.type === 'file') {
      const count = evidence[question.id]?.count ?? 0;
      return count > 0 ? `${count} file${count === 1 ? '' : 's'} uploaded` : null;
    }
    const text = answerText(question, stored.value);
    return text === '' ? null : text;
  };
  const questionById = new Map(detail.questions.sections.flatMap((s) => s.questions.map((q) => [q.id, q])));

  return {
    generatedAt: now.toISOString(),
    organisation,
    assessmentId: row.id,
    vendor: detail.vendor.name,
    service: row.serviceId ? (catalog.byId.get(row.serviceId)?.name ?? row.serviceId) : null,
    respondent: { name: row.respondentName, email: row.respondentEmail },
    template: { title: detail.template.title, version: detail.template.version },
    state: row.state,
    cycle: row.cycle,
    previousAssessmentId: row.previousAssessmentId,
    dates: {
      sent: row.sentAt?.toISOString() ?? null,
      submitted: row.submittedAt?.toISOString() ?? null,
      decided: decision?.decidedAt ?? null,
      due: row.dueOn,
    },
    digest: answersDigest(detail.questions, answers),
    score,
    decision,
    findings: detail.findings
      .filter((f) => f.status !== 'resolved')
      .map((f) => ({
        title: f.title,
        severity: f.severity,
        status: f.status,
        questionId: f.questionId,
        dueOn: f.dueOn,
        owner: f.ownerName,
        acceptedReason: f.acceptedReason,
        acceptedBy: f.acceptedBy,
      })),
    sections: detail.questions.sections
      .filter((s) => visibility.sections.get(s.id))
      .map((section) => ({
        id: section.id,
        title: section.title,
        questions: section.questions
          .filter((q) => asked.has(q.id))
          .map((q): ReportQuestion => {
            const override = overrides.get(q.id);
            const stored = answerRows.get(q.id);
            return {
              id: q.id,
              text: q.text,
              answer: answerOf(q),
              vendorComment: stored?.comment ?? null,
              evidenceState: evidenceState(q, evidence, q.id),
              points: breakdown.get(q.id)?.points ?? null,
              weight: q.weight,
              override: override
                ? {
                    points: override.points,
                    reason: override.reason,
                    by: override.authorName ?? override.authorEmail ?? 'former staff',
                    at: override.createdAt.toISOString(),
                  }
                : null,
              reviewComments: detail.comments
                .filter((c) => c.questionId === q.id)
                .map((c) => ({
                  author: c.authorName ?? 'former staff',
                  text: c.comment,
                  at: c.createdAt.toISOString(),
                  resolved: c.resolvedAt !== null,
                })),
            };
          }),
      }))
      .filter((s) => s.questions.length > 0),
    crosswalk: crosswalk(detail.questions, asked).map((entry) => ({
      framework: frameworkLabels[entry.framework],
      item: entry.item,
      description: describeReference(entry.framework, entry.item) ?? null,
      questions: entry.questionIds.map((qid) => {
        const question = questionById.get(qid);
        return { id: qid, answer: question ? answerOf(question) : null };
      }),
    })),
    evidence: detail.evidence.map((e) => ({
      fileName: e.fileName,
      mediaType: e.mediaType,
      sizeBytes: e.sizeBytes,
      sha256: e.sha256,
      questionId: e.questionId,
      uploadedBy: uploaderOf.get(e.id) ?? null,
      uploadedAt: e.uploadedAt.toISOString(),
      verifiedBy: e.verifiedAt ? (verifiedBy.get(e.id) ?? 'former staff') : null,
      verifiedAt: e.verifiedAt?.toISOString() ?? null,
      expiresOn: e.expiresOn,
    })),
  };
}

async function decisionOf(db: Db, id: string): Promise<ReportDecision | null> {
  try {
    const d = await getDecision(db, id);
    return {
      outcome: d.outcome,
      conditions: d.conditions,
      rationale: d.reason,
      tier: d.tier,
      residualTier: d.residualTier,
      nextReviewOn: d.nextReviewOn,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}
