import { describe, expect, it } from 'vitest';
import { a10TemplateV2 } from '../questionnaire/a10-template-v2';
import { scoreAssessment } from './score-assessment';
import { scoreResultSchema } from './score-result-schema';

/** A result as scoring version 1 stored it: no conditions, no N/A effects, no "unanswered" knock-outs. */
const storedByVersion1 = {
  algorithmVersion: 'sightline-scoring/1',
  template: { key: 'iso42001-a10', version: 1 },
  thresholds: { critical: 70, high: 40, medium: 20 },
  residual: { overall: 43.75, bySection: { profile: null, governance: 33.33 } },
  residualTier: 'high',
  inherent: {
    score: 45,
    tier: 'high',
    factors: [{ factor: 'data_categories', value: 'personal data', points: 30, source: 'profile' }],
  },
  knockOuts: [
    {
      questionId: 'reg.processor_terms',
      sectionId: 'regulatory',
      answer: 'no',
      answerLabel: 'No',
      reason: 'Personal data would be processed without GDPR Art. 28 processor terms.',
    },
  ],
  recommendation: 'reject',
  reasons: ['Knock-out: question reg.processor_terms was answered "No".'],
  breakdown: [
    {
      questionId: 'gov.iso42001',
      sectionId: 'governance',
      type: 'single_choice',
      answerState: 'answered',
      scored: true,
      weight: 2,
      answerPoints: 1,
      evidenceFactor: 0.5,
      points: 0.5,
      contribution: 12.5,
      evidenceState: 'none',
      notApplicable: false,
    },
  ],
};

describe('stored score results', () => {
  it('still parse when version 1 scored them, and keep saying so', () => {
    const parsed = scoreResultSchema.parse(storedByVersion1);
    expect(parsed.algorithmVersion).toBe('sightline-scoring/1');
    expect(parsed.conditions).toBeUndefined();
    expect(parsed.breakdown[0]?.nonAnswer).toBeUndefined();
  });

  it('parse as version 2 writes them, with conditions and what each N/A or unknown did', () => {
    const result = scoreAssessment({ template: a10TemplateV2, answers: {}, useContext: {} });
    const parsed = scoreResultSchema.parse(JSON.parse(JSON.stringify(result)));
    expect(parsed.algorithmVersion).toBe('sightline-scoring/2');
    expect(parsed).toEqual(result);
    expect(parsed.breakdown.some((b) => b.nonAnswer?.kind === 'blank')).toBe(true);
  });
});
