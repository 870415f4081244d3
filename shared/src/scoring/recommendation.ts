import type { RiskTier } from '../assessments/assessment-states';
import { conditionSentence } from './approval-conditions';
import { inherentFactorLabels } from './inherent-risk';
import type { ApprovalCondition, InherentRisk, KnockOut, Recommendation } from './score-result-schema';

/**
 * Inherent tier (rows) × residual tier (columns). The riskier the use, the less residual risk it
 * tolerates. A cell only applies while some answer falls short: with no shortfall at all (every
 * scored question at full assurance, evidence verified) the recommendation is "approve" whatever
 * the use, and "approve with conditions" always names its conditions.
 */
export const RECOMMENDATION_MATRIX: Record<RiskTier, Record<RiskTier, Recommendation>> = {
  low: { low: 'approve', medium: 'approve', high: 'approve_with_conditions', critical: 'escalate' },
  medium: { low: 'approve', medium: 'approve_with_conditions', high: 'escalate', critical: 'reject' },
  high: {
    low: 'approve_with_conditions',
    medium: 'approve_with_conditions',
    high: 'escalate',
    critical: 'reject',
  },
  critical: { low: 'escalate', medium: 'escalate', high: 'reject', critical: 'reject' },
};

/** From best to worst, so "saying less never improves the recommendation" can be checked. */
export const recommendationRank: Record<Recommendation, number> = {
  approve: 0,
  approve_with_conditions: 1,
  escalate: 2,
  reject: 3,
};

/** Conditions spelled out in the reasons; all of them are in the result's `conditions`. */
const CONDITIONS_IN_REASONS = 10;

const verdicts: Record<Recommendation, string> = {
  approve: 'the answers give enough assurance for this use',
  approve_with_conditions: 'approve only with the conditions below',
  escalate: 'the AI governance committee should decide',
  reject: 'the answers leave too much risk for this use',
};

export type RecommendInput = {
  inherent: InherentRisk;
  residual: number | null;
  residualTier: RiskTier | null;
  knockOuts: readonly KnockOut[];
  /** The organisation classed the use as prohibited, whatever the vendor answered. */
  prohibitedByContext: boolean;
  unansweredRequired: number;
  overridden: number;
  /** Sections at or above the high threshold, worst first, with their titles; the first three are named. */
  weakSections: readonly { title: string; residual: number }[];
  /** Every answer that fell short, largest first (see approvalConditions). */
  conditions: readonly ApprovalCondition[];
};

export function recommend(input: RecommendInput): { recommendation: Recommendation; reasons: string[] } {
  const { inherent, residual, residualTier, knockOuts, conditions } = input;
  const reasons: string[] = [];
  let recommendation: Recommendation;
  if (knockOuts.length > 0) {
    recommendation = 'reject';
    for (const k of knockOuts) {
      reasons.push(`Knock-out: question ${k.questionId} was answered "${k.answerLabel}". ${k.reason}`);
    }
  } else if (input.prohibitedByContext) {
    recommendation = 'reject';
    reasons.push('We classed this use as a prohibited practice under Art. 5 of the EU AI Act.');
  } else if (residual === null || residualTier === null) {
    recommendation = 'escalate';
    reasons.push(
      'No answer could be scored, so residual risk is unknown; a reviewer has to assess the vendor directly.',
    );
  } else if (conditions.length === 0) {
    recommendation = 'approve';
    reasons.push(
      `Inherent risk is ${inherent.tier} (${inherent.score}) and no answer fell short: every scored question gives full assurance, with its evidence verified.`,
    );
  } else {
    recommendation = RECOMMENDATION_MATRIX[inherent.tier][residualTier];
    reasons.push(
      `Inherent risk is ${inherent.tier} (${inherent.score}) and residual risk is ${residualTier} (${residual}): ${verdicts[recommendation]}.`,
    );
    if (recommendation === 'approve_with_conditions') {
      for (const [i, c] of conditions.slice(0, CONDITIONS_IN_REASONS).entries()) {
        reasons.push(`Condition ${i + 1}: ${conditionSentence(c)}`);
      }
      const more = conditions.length - CONDITIONS_IN_REASONS;
      if (more > 0)
        reasons.push(`${more} more ${plural(more, 'condition', 'conditions')}: see the full list.`);
    }
  }
  const drivers = inherent.factors
    .filter((f) => f.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 3)
    .map((f) => `${inherentFactorLabels[f.factor]}: ${f.value} (+${f.points})`);
  if (drivers.length > 0) reasons.push(`Inherent risk comes mainly from ${drivers.join('; ')}.`);
  if (input.weakSections.length > 0) {
    const list = input.weakSections
      .slice(0, 3)
      .map((s) => `${s.title} (${s.residual})`)
      .join(', ');
    reasons.push(`Weakest areas: ${list}.`);
  }
  if (input.unansweredRequired > 0) {
    reasons.push(
      `${input.unansweredRequired} ${plural(input.unansweredRequired, 'question was', 'questions were')} left unanswered and ${plural(input.unansweredRequired, 'counts', 'count')} as giving no assurance.`,
    );
  }
  if (input.overridden > 0) {
    reasons.push(
      `Reviewers overrode the points of ${input.overridden} ${plural(input.overridden, 'question', 'questions')}; see the breakdown for their reasons.`,
    );
  }
  return { recommendation, reasons };
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
