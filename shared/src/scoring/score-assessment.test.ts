import { describe, expect, it } from 'vitest';
import type { Answers } from '../questionnaire/answer-schema';
import { q, section, template, testProfile } from '../questionnaire/template.fixture';
import { scoreAssessment } from './score-assessment';
import { EVIDENCE_FACTORS, SCORING_ALGORITHM_VERSION } from './scoring-constants';

/**
 * Section a: weights 2 and 1, plus an unscored text. Section b: a single choice asking for evidence,
 * an optional question and one that allows N/A. Section c only appears for agents.
 */
const t = template([
  testProfile,
  section('a', [
    q({ id: 'a.one', type: 'yes_no', weight: 2 }),
    q({ id: 'a.two', type: 'yes_no', weight: 1 }),
    q({ id: 'a.note', type: 'text' }),
  ]),
  section('b', [
    q({
      id: 'b.choice',
      type: 'single_choice',
      evidence: { requested: true, label: 'Report' },
      options: [
        { value: 'good', label: 'Good', points: 1 },
        { value: 'partial', label: 'Partial', points: 0.5 },
        { value: 'bad', label: 'Bad', points: 0, knockOut: { reason: 'Unacceptable.' } },
      ],
    }),
    q({ id: 'b.optional', type: 'yes_no', required: false }),
    q({ id: 'b.na', type: 'yes_no', weight: 3, allowNotApplicable: true }),
  ]),
  section('c', [q({ id: 'c.one', type: 'yes_no', weight: 5 })], {
    condition: { questionId: 'p.agent', equals: 'yes' },
  }),
]);

const base: Answers = {
  'p.data': { value: ['internal'] },
  'p.agent': { value: 'no' },
  'a.one': { value: 'yes' },
  'a.two': { value: 'no' },
  'a.note': { value: 'free text never scores' },
  'b.choice': { value: 'partial' },
  'b.optional': { value: 'yes' },
  'b.na': { notApplicable: true },
  'c.one': { value: 'no' },
};

const item = (result: ReturnType<typeof scoreAssessment>, id: string) =>
  result.breakdown.find((b) => b.questionId === id);

describe('scoreAssessment: residual risk', () => {
  it('matches a hand-computed example', () => {
    // a: Σw = 3, Σw(1−p) = 2·0 + 1·1 = 1                          → 33.33
    // b: b.choice 0.5 × 0.5 (no file) = 0.25, w = 1: risk 0.75; b.optional "yes", w = 1: risk 0;
    //    b.na N/A, left out                                         → 0.75 / 2 = 37.5
    // overall: (1 + 0.75) / (3 + 2)                                 → 35 → medium
    const result = scoreAssessment({ template: t, answers: base });
    expect(result.algorithmVersion).toBe(SCORING_ALGORITHM_VERSION);
    expect(result.algorithmVersion).toBe('sightline-scoring/2');
    expect(result.residual).toEqual({
      overall: 35,
      bySection: { profile: null, a: 33.33, b: 37.5, c: null },
    });
    expect(result.residualTier).toBe('medium');
    // contribution = 100 · w · (1 − p) / Σw: a.two 100 · 1 · 1 / 5 = 20, b.choice 100 · 0.75 / 5 = 15
    expect(item(result, 'a.two')).toMatchObject({ weight: 1, points: 0, contribution: 20, scored: true });
    expect(item(result, 'b.choice')).toMatchObject({
      answerPoints: 0.5,
      evidenceFactor: EVIDENCE_FACTORS.none,
      points: 0.25,
      contribution: 15,
      evidenceState: 'none',
    });
    const total = result.breakdown.reduce((sum, b) => sum + b.contribution, 0);
    expect(total).toBeCloseTo(35, 5);
  });

  it('counts evidence: a file lifts the points, a verified file gives them in full', () => {
    const uploaded = scoreAssessment({
      template: t,
      answers: base,
      evidence: { 'b.choice': { count: 1, verified: 0 } },
    });
    expect(item(uploaded, 'b.choice')).toMatchObject({
      points: 0.4,
      evidenceState: 'uploaded',
      evidenceFactor: 0.8,
    });
    expect(uploaded.residual.overall).toBe(32); // (1 + 0.6) / 5
    const verified = scoreAssessment({
      template: t,
      answers: base,
      evidence: { 'b.choice': { count: 2, verified: 1 } },
    });
    expect(item(verified, 'b.choice')).toMatchObject({ points: 0.5, evidenceState: 'verified' });
    expect(verified.residual.overall).toBe(30); // (1 + 0.5) / 5
  });

  it('never scores text or weight-0 questions, and marks questions without an evidence request', () => {
    const result = scoreAssessment({ template: t, answers: base });
    expect(item(result, 'a.note')).toMatchObject({ scored: false, points: null, contribution: 0 });
    expect(item(result, 'p.agent')).toMatchObject({ scored: false, evidenceState: 'not_requested' });
  });

  it('leaves N/A out of the sums, and counts a required question left blank as no assurance', () => {
    const result = scoreAssessment({ template: t, answers: base });
    expect(item(result, 'b.na')).toMatchObject({ notApplicable: true, scored: false, points: null });
    const blank = scoreAssessment({
      template: t,
      answers: { ...base, 'b.na': undefined, 'a.two': { value: 'yes' } },
    });
    // b.na now blank: p = 0 with w = 3. Σw = 3 + 1 + 1 + 3 = 8, Σw(1−p) = 0 + 0.75 + 0 + 3 = 3.75
    expect(item(blank, 'b.na')).toMatchObject({ answerState: 'unanswered', scored: true, points: 0 });
    expect(blank.residual.overall).toBe(46.88);
    expect(blank.reasons).toContain('1 question was left unanswered and counts as giving no assurance.');
  });

  it('counts an optional question left blank as no assurance too: silence never scores better than "no"', () => {
    const blank = scoreAssessment({ template: t, answers: { ...base, 'b.optional': undefined } });
    const no = scoreAssessment({ template: t, answers: { ...base, 'b.optional': { value: 'no' } } });
    expect(item(blank, 'b.optional')).toMatchObject({ answerState: 'unanswered', scored: true, points: 0 });
    // (1 + 0.75 + 1) / 5 either way
    expect(blank.residual.overall).toBe(55);
    expect(no.residual.overall).toBe(55);
  });

  it('records what an N/A removed from the sums', () => {
    const result = scoreAssessment({ template: t, answers: base });
    expect(item(result, 'b.na')?.nonAnswer).toEqual({
      kind: 'not_applicable',
      hid: [],
      showed: [],
      removedFromSums: ['b.na'],
      removedWeight: 3,
    });
  });

  it('records what a blank switch showed, as the riskier answer would', () => {
    const result = scoreAssessment({ template: t, answers: { ...base, 'p.agent': undefined } });
    expect(item(result, 'p.agent')?.nonAnswer).toMatchObject({ kind: 'blank', hid: [], showed: ['c.one'] });
    // c.one shows, answered "no" (w = 5): (1 + 0.75 + 5) / 10
    expect(result.residual.overall).toBe(67.5);
  });

  it('treats an answer that no longer fits the question as blank', () => {
    const result = scoreAssessment({ template: t, answers: { ...base, 'a.one': { value: 'sometimes' } } });
    expect(item(result, 'a.one')).toMatchObject({ answerState: 'invalid', points: 0, scored: true });
  });

  it('ignores a section the profile hides, and counts it once shown', () => {
    expect(item(scoreAssessment({ template: t, answers: base }), 'c.one')).toBeUndefined();
    const shown = scoreAssessment({ template: t, answers: { ...base, 'p.agent': { value: 'yes' } } });
    expect(shown.residual.bySection.c).toBe(100);
    expect(shown.residual.overall).toBe(67.5); // (1 + 0.75 + 5) / 10
  });

  it('is null, not 0, when nothing can be scored', () => {
    const onlyText = template([testProfile, section('a', [q({ id: 'a.note', type: 'text' })])]);
    const result = scoreAssessment({ template: onlyText, answers: {} });
    expect(result.residual).toEqual({ overall: null, bySection: { profile: null, a: null } });
    expect(result.residualTier).toBeNull();
    expect(result.recommendation).toBe('escalate');
    const allNa = scoreAssessment({
      template: template([
        testProfile,
        section('a', [q({ id: 'a.x', type: 'yes_no', allowNotApplicable: true })]),
      ]),
      answers: { 'a.x': { notApplicable: true } },
    });
    expect(allNa.residual.overall).toBeNull();
  });

  it('applies reviewer overrides and shows them with their reason', () => {
    const overrides = { 'a.two': { points: 1, reason: 'Contract clause 7 covers it', by: 'reviewer-1' } };
    const result = scoreAssessment({ template: t, answers: base, overrides });
    expect(item(result, 'a.two')).toMatchObject({
      points: 1,
      override: { points: 1, reason: 'Contract clause 7 covers it', by: 'reviewer-1', computedPoints: 0 },
    });
    expect(result.residual.overall).toBe(15); // (0 + 0.75) / 5
    expect(result.reasons.some((r) => r.includes('overrode the points of 1 question'))).toBe(true);
  });

  it('ignores overrides on hidden questions', () => {
    const overrides = { 'c.one': { points: 0, reason: 'x', by: 'r' } };
    expect(scoreAssessment({ template: t, answers: base, overrides }).residual.overall).toBe(35);
  });

  it('rejects malformed overrides instead of scoring with them', () => {
    const overrides = { 'a.two': { points: 2, reason: 'x', by: 'r' } };
    expect(() => scoreAssessment({ template: t, answers: base, overrides })).toThrow(/between 0 and 1/);
  });
});

describe('scoreAssessment: knock-outs and tiers', () => {
  it('names the question and the answer of a knock-out, and rejects whatever the score', () => {
    const answers = { ...base, 'a.two': { value: 'yes' }, 'b.choice': { value: 'bad' } };
    const result = scoreAssessment({ template: t, answers });
    expect(result.knockOuts).toEqual([
      { questionId: 'b.choice', sectionId: 'b', answer: 'bad', answerLabel: 'Bad', reason: 'Unacceptable.' },
    ]);
    expect(result.recommendation).toBe('reject');
    expect(result.reasons[0]).toBe('Knock-out: question b.choice was answered "Bad". Unacceptable.');
  });

  it('ignores knock-out answers on hidden questions', () => {
    const hiddenKo = template([
      testProfile,
      section('a', [
        q({
          id: 'a.ko',
          type: 'yes_no',
          condition: { questionId: 'p.agent', equals: 'yes' },
          options: [
            { value: 'yes', label: 'Yes', points: 1 },
            { value: 'no', label: 'No', points: 0, knockOut: { reason: 'No.' } },
          ],
        }),
        q({ id: 'a.fine', type: 'yes_no' }),
      ]),
    ]);
    const answers = { 'p.agent': { value: 'no' }, 'a.ko': { value: 'no' }, 'a.fine': { value: 'yes' } };
    expect(scoreAssessment({ template: hiddenKo, answers }).knockOuts).toEqual([]);
  });

  it('uses the organisation’s thresholds', () => {
    const result = scoreAssessment({
      template: t,
      answers: base,
      thresholds: { critical: 90, high: 60, medium: 30 },
    });
    expect(result.residualTier).toBe('medium'); // 35 ≥ 30
    expect(result.thresholds).toEqual({ critical: 90, high: 60, medium: 30 });
    expect(() =>
      scoreAssessment({ template: t, answers: base, thresholds: { critical: 10, high: 40, medium: 20 } }),
    ).toThrow();
  });

  it('rejects a use the organisation classed as prohibited', () => {
    const answers = { ...base, 'a.two': { value: 'yes' }, 'b.choice': { value: 'good' } };
    const result = scoreAssessment({
      template: t,
      answers,
      evidence: { 'b.choice': { count: 1, verified: 1 } },
      useContext: { euAiActClass: 'prohibited' },
    });
    expect(result.residual.overall).toBe(0);
    expect(result.inherent.tier).toBe('critical');
    expect(result.recommendation).toBe('reject');
  });
});
