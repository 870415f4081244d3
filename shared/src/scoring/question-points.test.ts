import { describe, expect, it } from 'vitest';
import { q, section, template, testProfile } from '../questionnaire/template.fixture';
import { answerPoints, evidenceFactor } from './question-points';
import { scoreAssessment } from './score-assessment';

const options = [
  { value: 'a', label: 'A', points: 0.5 },
  { value: 'b', label: 'B', points: 0.75 },
  { value: 'c', label: 'C', points: 0.25 },
];

describe('answerPoints', () => {
  it('defaults yes/no to full and no assurance, and honours explicit yes/no options', () => {
    expect(answerPoints(q({ id: 'x', type: 'yes_no' }), { value: 'yes' })).toBe(1);
    expect(answerPoints(q({ id: 'x', type: 'yes_no' }), { value: 'no' })).toBe(0);
    const inverted = q({
      id: 'x',
      type: 'yes_no',
      options: [
        { value: 'yes', label: 'Yes', points: 0.3 },
        { value: 'no', label: 'No', points: 1 },
      ],
    });
    expect(answerPoints(inverted, { value: 'yes' })).toBe(0.3);
  });

  it('takes the weakest choice of a multiple-choice answer, or the capped sum', () => {
    const min = q({ id: 'x', type: 'multiple_choice', options });
    expect(answerPoints(min, { value: ['a', 'b'] })).toBe(0.5);
    const sum = q({ id: 'x', type: 'multiple_choice', aggregate: 'sum', options });
    expect(answerPoints(sum, { value: ['a', 'c'] })).toBe(0.75);
    expect(answerPoints(sum, { value: ['a', 'b', 'c'] })).toBe(1);
  });

  it('scores numbers by the first band they fall in, and nothing outside every band', () => {
    const num = q({
      id: 'x',
      type: 'number',
      numberBands: [
        { max: 24, points: 1 },
        { min: 24, max: 72, points: 0.6 },
      ],
    });
    expect(answerPoints(num, { value: 12 })).toBe(1);
    expect(answerPoints(num, { value: 24 })).toBe(0.6);
    expect(answerPoints(num, { value: 100 })).toBe(0);
  });

  it('has no evidence factor when the question asks for no evidence', () => {
    expect(evidenceFactor('not_requested')).toBeNull();
    expect([evidenceFactor('none'), evidenceFactor('uploaded'), evidenceFactor('verified')]).toEqual([
      0.5, 0.8, 1,
    ]);
  });
});

describe('file questions', () => {
  const t = template([
    testProfile,
    section('e', [
      q({ id: 'e.file', type: 'file', required: false, evidence: { requested: true, label: 'Report' } }),
      q({ id: 'e.yes', type: 'yes_no' }),
    ]),
  ]);
  const answers = { 'e.yes': { value: 'yes' } };

  it('count 0 while empty, even when optional, so an upload can only lower risk', () => {
    const empty = scoreAssessment({ template: t, answers });
    expect(empty.residual.overall).toBe(50); // (1 + 0) / 2
    expect(empty.breakdown.find((b) => b.questionId === 'e.file')).toMatchObject({
      scored: true,
      evidenceState: 'none',
      points: 0,
    });
    const uploaded = scoreAssessment({
      template: t,
      answers,
      evidence: { 'e.file': { count: 1, verified: 0 } },
    });
    expect(uploaded.residual.overall).toBe(10); // (0.2 + 0) / 2
    const verified = scoreAssessment({
      template: t,
      answers,
      evidence: { 'e.file': { count: 1, verified: 1 } },
    });
    expect(verified.residual.overall).toBe(0);
    expect(verified.breakdown.find((b) => b.questionId === 'e.file')).toMatchObject({
      scored: true,
      evidenceState: 'verified',
      points: 1,
    });
  });
});
