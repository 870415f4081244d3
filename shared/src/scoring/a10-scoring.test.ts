import { describe, expect, it } from 'vitest';
import { a10TemplateV2 } from '../questionnaire/a10-template-v2';
import type { Answers } from '../questionnaire/answer-schema';
import type { UseContext } from '../questionnaire/use-context';
import { bestAnswers } from './a10-answers.fixture';
import { approvalConditionsText } from './approval-conditions';
import { scoreAssessment } from './score-assessment';

/** The vendor's own declarations: its own models, hosted by itself in the EEA, minimal class. */
const vendor: Answers = {
  'profile.ai_act_role': { value: ['system_provider'] },
  'profile.gpai_model': { value: ['none'] },
  'profile.ai_act_class': { value: 'minimal' },
  'prov.model_hosting': { value: 'own_models' },
  'ret.regions': { value: ['eea'] },
};

/** Our use: internal documents, 20 staff, no decisions about people, no agents, minimal. */
const internalUse: UseContext = {
  dataCategories: ['internal'],
  decisionsAboutPeople: 'none',
  autonomy: 'none',
  euAiActClass: 'minimal',
  expectedUsers: 20,
};
/** Our use: personal data, outputs inform decisions about people. */
const peopleUse: UseContext = {
  ...internalUse,
  dataCategories: ['personal'],
  decisionsAboutPeople: 'informs',
};

function score(useContext: UseContext, change: Answers = {}, evidenceChange = {}) {
  const best = bestAnswers(a10TemplateV2, useContext, vendor);
  return scoreAssessment({
    template: a10TemplateV2,
    answers: { ...best.answers, ...change },
    evidence: { ...best.evidence, ...evidenceChange },
    useContext,
  });
}

const scoredWeight = (result: ReturnType<typeof scoreAssessment>) =>
  result.breakdown.filter((b) => b.scored).reduce((sum, b) => sum + b.weight, 0);

describe('scoring the A.10 template v2: worked examples', () => {
  it('gives an exemplary vendor no residual risk and approves an internal-data use', () => {
    const result = score(internalUse);
    // The 50 scored questions this use shows weigh 85 in all (see the breakdown); none falls short.
    expect(result.breakdown.filter((b) => b.scored)).toHaveLength(50);
    expect(scoredWeight(result)).toBe(85);
    expect(result.residual.overall).toBe(0);
    expect(result.knockOuts).toEqual([]);
    // internal data 10; no decisions, no autonomy, minimal class, 20 users: 0 each
    expect(result.inherent).toMatchObject({ score: 10, tier: 'low' });
    expect(result.recommendation).toBe('approve');
    expect(result.conditions).toEqual([]);
  });

  it('counts one weak answer by hand: incident notice "without undue delay" (p = 0.4, w = 3)', () => {
    const result = score(internalUse, { 'inc.customer_notice': { value: 'undue_delay' } });
    // overall 100 · 3 · (1 − 0.4) / 85 = 2.12; incidents 100 · 1.8 / (2 + 3 + 1) = 30
    expect(result.residual.overall).toBe(2.12);
    expect(result.residual.bySection.incidents).toBe(30);
    // Low inherent × low residual approves; the shortfall is still named, for the record.
    expect(result.recommendation).toBe('approve');
    expect(result.conditions?.map((c) => c.questionId)).toEqual(['inc.customer_notice']);
  });

  it('reaches "approve" for a high inherent risk when nothing falls short', () => {
    const result = score(peopleUse);
    // personal data 30 + informs decisions 15
    expect(result.inherent).toMatchObject({ score: 45, tier: 'high' });
    // GDPR, oversight, fairness and explanation questions join in: 104 in all.
    expect(scoredWeight(result)).toBe(104);
    expect(result.residual.overall).toBe(0);
    expect(result.recommendation).toBe('approve');
  });

  it('names the condition when one certificate is uploaded but not yet verified', () => {
    const result = score(peopleUse, {}, { 'gov.iso42001': { count: 1, verified: 0 } });
    // gov.iso42001 keeps 0.8 of its points (w = 2): 100 · 2 · 0.2 / 104 = 0.38; governance 100 · 0.4 / 8 = 5
    expect(result.residual.overall).toBe(0.38);
    expect(result.residual.bySection.governance).toBe(5);
    expect(result.recommendation).toBe('approve_with_conditions');
    expect(approvalConditionsText(result.conditions ?? [])).toBe(
      '1. Is your AI management system certified to ISO/IEC 42001? Answered: "Certified, with this service in scope", evidence not yet verified. To meet this: have the evidence (ISO/IEC 42001 certificate with its scope statement) verified.',
    );
    expect(result.reasons).toContain(
      'Condition 1: Is your AI management system certified to ISO/IEC 42001? Answered: "Certified, with this service in scope", evidence not yet verified. To meet this: have the evidence (ISO/IEC 42001 certificate with its scope statement) verified.',
    );
  });

  it('words a weak answer’s condition with the answer that would close it', () => {
    const result = score(peopleUse, { 'ctr.change_notice': { value: 'notice' } });
    expect(result.conditions).toEqual([
      {
        questionId: 'ctr.change_notice',
        sectionId: 'contract',
        question:
          'How much notice do you give before material changes to your terms, your sub-processors or how you use our data?',
        answer: '"Some notice, without a right to object"',
        fix: 'the vendor commits in the contract to "At least 30 days, and we may object or terminate"',
        contribution: 0.96, // 100 · 2 · 0.5 / 104
      },
    ]);
  });
});

describe('scoring the A.10 template v2: knock-outs of the legal floor', () => {
  const koIds = (result: ReturnType<typeof scoreAssessment>) =>
    result.knockOuts.map((k) => `${k.questionId}=${k.answer}${k.unanswered ? ' (unanswered)' : ''}`);

  it('rejects personal data leaving the EEA with no Chapter V mechanism', () => {
    const usTransfer = { 'ret.regions': { value: ['eea', 'us'] } };
    const ok = score(peopleUse, usTransfer);
    expect(ok.breakdown.find((b) => b.questionId === 'ret.transfer_basis')).toBeDefined();
    const none = score(peopleUse, { ...usTransfer, 'ret.transfer_basis': { value: 'none' } });
    expect(koIds(none)).toEqual(['ret.transfer_basis=none']);
    expect(none.recommendation).toBe('reject');
    expect(none.reasons[0]).toBe(
      'Knock-out: question ret.transfer_basis was answered "No transfer mechanism". Our personal data would leave the EEA with no transfer mechanism of GDPR Chapter V (Art. 44).',
    );
    // An Art. 49 derogation is an answer, weak but lawful for occasional transfers: no knock-out.
    const derogation = score(peopleUse, { ...usTransfer, 'ret.transfer_basis': { value: 'derogation' } });
    expect(derogation.knockOuts).toEqual([]);
    // "Not applicable" is no longer offered.
    expect(
      a10TemplateV2.sections.flatMap((s) => s.questions).find((q) => q.id === 'ret.transfer_basis')
        ?.allowNotApplicable,
    ).toBe(false);
  });

  it('rejects personal data kept after the contract ends, but not other data', () => {
    const kept = { 'ret.deletion_at_exit': { value: 'kept' } };
    expect(koIds(score(peopleUse, kept))).toEqual(['ret.deletion_at_exit=kept']);
    const internal = score(internalUse, kept);
    expect(internal.knockOuts).toEqual([]);
    expect(internal.breakdown.find((b) => b.questionId === 'ret.deletion_at_exit')?.points).toBe(0);
  });

  it('rejects a high-risk use without a completed conformity assessment and registration', () => {
    const highRisk: UseContext = { ...peopleUse, euAiActClass: 'high_risk' };
    expect(score(highRisk).knockOuts).toEqual([]);
    for (const answer of ['in_progress', 'completed_unregistered', 'not_started', 'not_offered_for_this']) {
      const result = score(highRisk, { 'reg.conformity': { value: answer } });
      expect(koIds(result), answer).toEqual([`reg.conformity=${answer}`]);
      expect(result.recommendation).toBe('reject');
    }
    expect(score(highRisk, { 'reg.conformity': { value: 'not_high_risk_documented' } }).knockOuts).toEqual(
      [],
    );
    // The question is not asked for a minimal-risk use.
    expect(score(peopleUse).breakdown.some((b) => b.questionId === 'reg.conformity')).toBe(false);
  });

  it('rejects missing processor terms where our use context names personal data', () => {
    const result = score(peopleUse, { 'reg.processor_terms': { value: 'no' } });
    expect(koIds(result)).toEqual(['reg.processor_terms=no']);
  });

  it('rejects training on our data with no opt-out, no incident notice, and a prohibited practice', () => {
    expect(koIds(score(internalUse, { 'train.default_use': { value: 'no_opt_out' } }))).toEqual([
      'train.default_use=no_opt_out',
    ]);
    expect(koIds(score(internalUse, { 'inc.customer_notice': { value: 'no_commitment' } }))).toEqual([
      'inc.customer_notice=no_commitment',
    ]);
    expect(koIds(score(internalUse, { 'reg.prohibited_practice': { value: 'yes' } }))).toEqual([
      'reg.prohibited_practice=yes',
    ]);
    expect(score({ ...internalUse, euAiActClass: 'prohibited' }).recommendation).toBe('reject');
  });

  it('counts a knock-out question left blank as the knock-out until it is answered', () => {
    const result = score(internalUse, { 'inc.customer_notice': undefined });
    expect(koIds(result)).toEqual(['inc.customer_notice= (unanswered)']);
    expect(result.knockOuts[0]).toMatchObject({
      answerLabel: 'No answer',
      reason:
        'Until it is answered, this counts as a knock-out: The vendor will not commit to notifying us of incidents.',
    });
    expect(result.recommendation).toBe('reject');
  });
});
