import type { Answers } from '../questionnaire/answer-schema';
import { answerState } from '../questionnaire/answer-schema';
import { type EvidenceByQuestion, evidenceState } from '../questionnaire/evidence-summary';
import { lookup } from '../questionnaire/lookup';
import { isScorable } from '../questionnaire/question-helpers';
import type { Question, Template } from '../questionnaire/template-schema';
import type { VisibleQuestion } from '../questionnaire/visibility';
import { answerPoints, evidenceFactor } from './question-points';
import type { ScoreOverrides } from './score-input-schema';
import type { BreakdownItem } from './score-result-schema';

export type ResidualScores = {
  overall: number | null;
  bySection: Record<string, number | null>;
  breakdown: BreakdownItem[];
};

/**
 * Residual risk = 100 × Σ w·(1 − p) / Σ w over the questions that count, per section and overall.
 * Null, not 0, when nothing counts: "no information" must never read as "no risk".
 */
export function scoreResidual(
  template: Template,
  visible: readonly VisibleQuestion<Question>[],
  answers: Answers,
  evidence: EvidenceByQuestion,
  overrides: ScoreOverrides,
): ResidualScores {
  const breakdown = visible.map(({ sectionId, question }) =>
    scoreQuestion(sectionId, question, answers, evidence, overrides),
  );
  const totals = new Map<string, { weight: number; risk: number }>();
  let weight = 0;
  let risk = 0;
  for (const item of breakdown) {
    if (!item.scored || item.points === null) continue;
    const section = totals.get(item.sectionId) ?? { weight: 0, risk: 0 };
    section.weight += item.weight;
    section.risk += item.weight * (1 - item.points);
    totals.set(item.sectionId, section);
    weight += item.weight;
    risk += item.weight * (1 - item.points);
  }
  for (const item of breakdown) {
    if (item.scored && item.points !== null && weight > 0) {
      item.contribution = round((100 * item.weight * (1 - item.points)) / weight, 2);
    }
  }
  const bySection: Record<string, number | null> = {};
  for (const section of template.sections) {
    const t = totals.get(section.id);
    bySection[section.id] = t && t.weight > 0 ? round((100 * t.risk) / t.weight, 2) : null;
  }
  return { overall: weight > 0 ? round((100 * risk) / weight, 2) : null, bySection, breakdown };
}

function scoreQuestion(
  sectionId: string,
  question: Question,
  answers: Answers,
  evidence: EvidenceByQuestion,
  overrides: ScoreOverrides,
): BreakdownItem {
  const state = answerState(question, answers, evidence);
  const evState = evidenceState(question, evidence, question.id);
  const scorable = isScorable(question);
  let points: number | null = null;
  let ownPoints: number | null = null;
  let factor: number | null = null;
  if (scorable && state.state === 'answered') {
    ownPoints = answerPoints(question, state.answer);
    factor = ownPoints > 0 ? evidenceFactor(evState) : null;
    points = round(ownPoints * (factor ?? 1), 4);
  } else if (scorable && (state.state === 'unanswered' || state.state === 'invalid')) {
    // Silence is not assurance, required or not: leaving an answer out must never score better than
    // giving it, and an upload-only question with nothing uploaded gives none.
    points = 0;
  }
  const item: BreakdownItem = {
    questionId: question.id,
    sectionId,
    type: question.type,
    answerState: state.state,
    scored: scorable && points !== null,
    weight: question.weight,
    answerPoints: ownPoints,
    evidenceFactor: factor,
    points,
    contribution: 0,
    evidenceState: evState,
    notApplicable: state.state === 'not_applicable',
  };
  const override = lookup(overrides, question.id);
  if (override) {
    item.override = {
      points: override.points,
      reason: override.reason,
      by: override.by,
      computedPoints: points,
    };
    item.points = override.points;
    item.scored = scorable;
  }
  return item;
}

/** Fixed decimals keep stored results readable and stable across platforms' float printing. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
