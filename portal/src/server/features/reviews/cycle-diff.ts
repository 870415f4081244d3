import type { Db } from '@sightline/db/client';
import { assessment, assessmentAnswer, evidenceFile } from '@sightline/db/schema/assessments';
import { storedFile } from '@sightline/db/schema/files';
import { answerInWords } from '@sightline/shared/questionnaire/answer-in-words';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { Question, Template } from '@sightline/shared/questionnaire/template-schema';
import { scoreResultSchema } from '@sightline/shared/scoring/score-result-schema';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import { answersOf, evidenceSummaryOf } from '../assessments/answer-records';
import { type AssessmentRow, snapshotOf } from '../assessments/assessment-records';
import { loadTemplate } from '../templates/templates-service';

type EvidenceRow = {
  id: string;
  questionId: string;
  fileName: string;
  carriedFromId: string | null;
  removed: boolean;
};

/**
 * What changed between an assessment and the cycle before it, question by question (previous answer
 * → new answer, whether the vendor confirmed or changed a carried-over answer, which evidence was
 * kept, dropped or added), and how the scores moved. Null `previous` for a first cycle.
 */
export async function cycleDiff(db: Db, id: string) {
  const [current] = await db.select().from(assessment).where(eq(assessment.id, id));
  if (!current) throw new AppError('not_found', 'No assessment with this id');
  const base = { cycle: current.cycle, previous: null, questions: [], scores: null, sectionTitles: {} };
  if (!current.previousAssessmentId) return base;
  const [previous] = await db
    .select()
    .from(assessment)
    .where(eq(assessment.id, current.previousAssessmentId));
  if (!previous) return base;
  const [nowSide, thenSide] = await Promise.all([sideOf(db, current), sideOf(db, previous)]);
  const seen = new Set<string>();
  const questions = [];
  for (const q of [...questionsOf(nowSide.template), ...questionsOf(thenSide.template)]) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    const inNow = findIn(nowSide.template, q.id);
    const inThen = findIn(thenSide.template, q.id);
    const before = inThen ? answerInWords(inThen, thenSide.answers, thenSide.summary) : null;
    const after = inNow ? answerInWords(inNow, nowSide.answers, nowSide.summary) : null;
    const carried = nowSide.carried.get(q.id) ?? null;
    const evidence = nowSide.evidence.filter((e) => e.questionId === q.id);
    const entry = {
      questionId: q.id,
      text: q.text,
      status: !inNow ? 'removed' : !inThen ? 'new' : before === after ? 'same' : 'changed',
      carried,
      previousAnswer: before,
      answer: after,
      evidence: {
        kept: evidence.filter((e) => e.carriedFromId && !e.removed).map((e) => e.fileName),
        dropped: evidence.filter((e) => e.carriedFromId && e.removed).map((e) => e.fileName),
        added: evidence.filter((e) => !e.carriedFromId && !e.removed).map((e) => e.fileName),
      },
    };
    questions.push(entry);
  }
  return {
    cycle: current.cycle,
    previous: { id: previous.id, cycle: previous.cycle },
    questions,
    scores: { previous: scoresOf(previous), current: scoresOf(current) },
    sectionTitles: Object.fromEntries(
      [...thenSide.template.sections, ...nowSide.template.sections].map((s) => [s.id, s.title]),
    ),
  };
}

async function sideOf(db: Db, row: AssessmentRow) {
  const template: Template = row.questionsSnapshot
    ? snapshotOf(row)
    : (await loadTemplate(db, row.templateId)).template;
  const [answerRows, evidenceRows] = await Promise.all([
    db.select().from(assessmentAnswer).where(eq(assessmentAnswer.assessmentId, row.id)),
    db
      .select({
        id: evidenceFile.id,
        questionId: evidenceFile.questionId,
        expiresOn: evidenceFile.expiresOn,
        fileName: storedFile.fileName,
        carriedFromId: evidenceFile.carriedFromId,
        removedAt: evidenceFile.removedAt,
        verifiedAt: evidenceFile.verifiedAt,
      })
      .from(evidenceFile)
      .innerJoin(storedFile, eq(storedFile.id, evidenceFile.fileId))
      .where(eq(evidenceFile.assessmentId, row.id)),
  ]);
  const live = evidenceRows.filter((e) => !e.removedAt);
  const answers: Answers = answersOf(answerRows);
  const evidence: EvidenceRow[] = evidenceRows.map((e) => ({
    id: e.id,
    questionId: e.questionId,
    fileName: e.fileName,
    carriedFromId: e.carriedFromId,
    removed: e.removedAt !== null,
  }));
  return {
    template,
    answers,
    summary: evidenceSummaryOf(live),
    evidence,
    carried: new Map(answerRows.filter((a) => a.carriedState).map((a) => [a.questionId, a.carriedState!])),
  };
}

function questionsOf(template: Template): Question[] {
  return template.sections.flatMap((s) => s.questions);
}

function findIn(template: Template, id: string): Question | undefined {
  return questionsOf(template).find((q) => q.id === id);
}

/** Inherent, residual and per-section scores of a scored assessment (null before it is scored). */
function scoresOf(row: AssessmentRow) {
  const parsed = scoreResultSchema.safeParse(row.scoreResult);
  if (!parsed.success) return null;
  const r = parsed.data;
  return {
    inherent: { score: r.inherent.score, tier: r.inherent.tier },
    residual: { score: r.residual.overall, tier: r.residualTier },
    bySection: r.residual.bySection,
    recommendation: r.recommendation,
  };
}
