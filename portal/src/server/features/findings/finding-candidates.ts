import type { RiskTier } from '@sightline/shared/assessments/assessment-states';
import type { FindingSource } from '@sightline/shared/findings/finding-states';
import { answerInWords } from '@sightline/shared/questionnaire/answer-in-words';
import type { Answers } from '@sightline/shared/questionnaire/answer-schema';
import type { EvidenceByQuestion } from '@sightline/shared/questionnaire/evidence-summary';
import type { Question, Template } from '@sightline/shared/questionnaire/template-schema';
import type { ScoreResult } from '@sightline/shared/scoring/score-result-schema';
import { tierFor } from '@sightline/shared/scoring/tiers';

/** A finding scoring asks for; raise-findings stores it unless one with its key already exists. */
export type FindingCandidate = {
  source: FindingSource;
  sourceKey: string;
  questionId: string | null;
  sectionId: string | null;
  answer: string | null;
  title: string;
  severity: RiskTier;
  requestedAction: string;
};

/** How many of a weak section's questions the requested action names, weakest first. */
const WEAKEST_SHOWN = 5;

/**
 * Pure: every knock-out is a critical finding, and every section whose residual risk reaches the
 * high tier (by the thresholds the score was computed with) is a finding of that tier.
 */
export function findingCandidates(
  template: Template,
  answers: Answers,
  evidence: EvidenceByQuestion,
  result: ScoreResult,
): FindingCandidate[] {
  const questions = new Map<string, Question>(
    template.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)),
  );
  const out: FindingCandidate[] = [];
  const knockOutsByQuestion = new Map<string, ScoreResult['knockOuts']>();
  for (const k of result.knockOuts) {
    knockOutsByQuestion.set(k.questionId, [...(knockOutsByQuestion.get(k.questionId) ?? []), k]);
  }
  for (const [questionId, knockOuts] of knockOutsByQuestion) {
    const question = questions.get(questionId);
    const first = knockOuts[0]!;
    out.push({
      source: 'knock_out',
      sourceKey: `knock_out:${questionId}`,
      questionId,
      sectionId: first.sectionId,
      answer: question
        ? (answerInWords(question, answers, evidence) ?? first.answerLabel)
        : knockOuts.map((k) => k.answerLabel).join('; '),
      title: [...new Set(knockOuts.map((k) => k.reason))].join(' '),
      severity: 'critical',
      requestedAction: `A knock-out stands on the vendor's answer (${knockOuts.map((k) => `"${k.answerLabel}"`).join(', ')}); ask the vendor to change the practice or commitment and their answer, or accept the risk.`,
    });
  }
  for (const section of template.sections) {
    const residual = result.residual.bySection[section.id];
    if (residual === null || residual === undefined) continue;
    const tier = tierFor(residual, result.thresholds);
    if (tier !== 'high' && tier !== 'critical') continue;
    const weakest = result.breakdown
      .filter((b) => b.sectionId === section.id && b.scored && b.points !== null && b.points < 1)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, WEAKEST_SHOWN)
      .map((b) => {
        const question = questions.get(b.questionId);
        const answer = question ? answerInWords(question, answers, evidence) : null;
        return `- ${question?.text ?? b.questionId} (answer: ${answer ?? 'none'})`;
      });
    out.push({
      source: 'weak_section',
      sourceKey: `section:${section.id}`,
      questionId: null,
      sectionId: section.id,
      answer: null,
      title: `${section.title}: residual risk ${residual} of 100 (${tier})`,
      severity: tier,
      requestedAction: [
        'Ask the vendor for better practice or evidence on the weakest questions of this section:',
        ...weakest,
      ].join('\n'),
    });
  }
  return out;
}
