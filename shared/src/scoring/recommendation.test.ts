import { describe, expect, it } from 'vitest';
import { riskTiers } from '../assessments/assessment-states';
import { RECOMMENDATION_MATRIX, type RecommendInput, recommend } from './recommendation';

const scores = { low: 10, medium: 30, high: 50, critical: 80 } as const;

const condition = {
  questionId: 'inc.customer_notice',
  sectionId: 'incidents',
  question: 'How soon will you tell us about an incident?',
  answer: '"Without undue delay, with no fixed deadline"',
  fix: 'the vendor commits in the contract to "Within 24 hours of becoming aware"',
  contribution: 4.5,
};

function input(fields: Partial<RecommendInput>): RecommendInput {
  return {
    inherent: { score: 30, tier: 'medium', factors: [] },
    residual: 10,
    residualTier: 'low',
    knockOuts: [],
    prohibitedByContext: false,
    unansweredRequired: 0,
    overridden: 0,
    weakSections: [],
    conditions: [condition],
    ...fields,
  };
}

describe('recommend', () => {
  it('follows the inherent × residual table', () => {
    const table = riskTiers.map((inh) =>
      riskTiers.map(
        (res) =>
          recommend(
            input({
              inherent: { score: scores[inh], tier: inh, factors: [] },
              residual: scores[res],
              residualTier: res,
            }),
          ).recommendation,
      ),
    );
    // rows: inherent low, medium, high, critical; columns: residual low, medium, high, critical
    expect(table).toEqual([
      ['approve', 'approve', 'approve_with_conditions', 'escalate'],
      ['approve', 'approve_with_conditions', 'escalate', 'reject'],
      ['approve_with_conditions', 'approve_with_conditions', 'escalate', 'reject'],
      ['escalate', 'escalate', 'reject', 'reject'],
    ]);
    expect(RECOMMENDATION_MATRIX.low.low).toBe('approve');
  });

  it('says why in words', () => {
    const { reasons } = recommend(
      input({
        inherent: {
          score: 45,
          tier: 'high',
          factors: [
            { factor: 'data_categories', value: 'personal data', points: 30, source: 'profile' },
            { factor: 'ai_act_class', value: 'general-purpose AI model', points: 15, source: 'profile' },
            { factor: 'autonomy', value: 'does not act on its own', points: 0, source: 'profile' },
          ],
        },
        residual: 25,
        residualTier: 'medium',
        weakSections: [{ title: 'Incidents', residual: 62.5 }],
      }),
    );
    expect(reasons).toEqual([
      'Inherent risk is high (45) and residual risk is medium (25): approve only with the conditions below.',
      'Condition 1: How soon will you tell us about an incident? Answered: "Without undue delay, with no fixed deadline". To meet this: the vendor commits in the contract to "Within 24 hours of becoming aware".',
      'Inherent risk comes mainly from data: personal data (+30); EU AI Act class: general-purpose AI model (+15).',
      'Weakest areas: Incidents (62.5).',
    ]);
  });

  it('rejects on any knock-out, even with a low residual', () => {
    const knockOut = { questionId: 'x', sectionId: 's', answer: 'no', answerLabel: 'No', reason: 'Bad.' };
    expect(
      recommend(input({ inherent: { score: 0, tier: 'low', factors: [] }, knockOuts: [knockOut] })),
    ).toMatchObject({
      recommendation: 'reject',
      reasons: ['Knock-out: question x was answered "No". Bad.'],
    });
  });

  it('approves when no answer fell short, whatever the inherent tier', () => {
    for (const tier of riskTiers) {
      const result = recommend(
        input({ inherent: { score: scores[tier], tier, factors: [] }, residual: 0, conditions: [] }),
      );
      expect(result.recommendation, tier).toBe('approve');
      expect(result.reasons[0]).toContain('no answer fell short');
    }
  });

  it('names every condition of an approval with conditions, up to ten in the reasons', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...condition, questionId: `q${i}` }));
    const { recommendation, reasons } = recommend(
      input({ inherent: { score: 45, tier: 'high', factors: [] }, conditions: many }),
    );
    expect(recommendation).toBe('approve_with_conditions');
    expect(reasons.filter((r) => r.startsWith('Condition '))).toHaveLength(10);
    expect(reasons).toContain('2 more conditions: see the full list.');
  });

  it('rejects a prohibited use and escalates when nothing could be scored', () => {
    expect(recommend(input({ prohibitedByContext: true })).recommendation).toBe('reject');
    expect(recommend(input({ residual: null, residualTier: null })).recommendation).toBe('escalate');
  });
});
