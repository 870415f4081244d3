import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from '../questionnaire/a10-template-v1';
import type { AnswerInput, Answers } from '../questionnaire/answer-schema';
import type { EvidenceByQuestion } from '../questionnaire/evidence-summary';
import { effectiveOptions } from '../questionnaire/question-helpers';
import { visibleQuestions } from '../questionnaire/visibility';
import { scoreAssessment } from './score-assessment';

const lowRiskProfile: Answers = {
  'profile.purpose': { value: 'Grammar suggestions on internal drafts.' },
  'profile.data_categories': { value: ['internal'] },
  'profile.user_count': { value: 20 },
  'profile.decisions_about_people': { value: 'none' },
  'profile.autonomy': { value: 'none' },
  'profile.ai_act_role': { value: ['system_provider'] },
  'profile.ai_act_class': { value: 'minimal' },
};

/** The best answer to every visible question, with verified evidence wherever it is asked for. */
function bestAnswers(profile: Answers): {
  answers: Record<string, AnswerInput>;
  evidence: EvidenceByQuestion;
} {
  const answers: Record<string, AnswerInput> = { ...(profile as Record<string, AnswerInput>) };
  const evidence: Record<string, { count: number; verified: number }> = {};
  // Each pass answers what the previous answers revealed; three passes reach every question here.
  for (let pass = 0; pass < 3; pass++) {
    for (const { question } of visibleQuestions(a10TemplateV1, answers)) {
      if (question.evidence?.requested) evidence[question.id] = { count: 1, verified: 1 };
      if (Object.hasOwn(answers, question.id) || question.type === 'file') continue;
      const options = [...effectiveOptions(question)].sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
      const best = options[0]?.value;
      if (question.type === 'multiple_choice') answers[question.id] = { value: [best] };
      else if (question.type === 'text') answers[question.id] = { value: 'Described in our documentation.' };
      else if (question.type === 'date') answers[question.id] = { value: '2025-03-31' };
      else answers[question.id] = { value: best };
    }
  }
  return { answers, evidence };
}

describe('scoring the A.10 template', () => {
  it('gives a vendor with the best answers and verified evidence no residual risk, and approves a low-risk use', () => {
    const { answers, evidence } = bestAnswers(lowRiskProfile);
    const result = scoreAssessment({
      template: a10TemplateV1,
      answers,
      evidence,
      useContext: { observedUsers: 14 },
    });
    expect(result.residual.overall).toBe(0);
    expect(result.knockOuts).toEqual([]);
    expect(result.inherent).toMatchObject({ score: 10, tier: 'low' });
    expect(result.recommendation).toBe('approve');
  });

  it('discounts the same answers when the evidence is missing', () => {
    const { answers } = bestAnswers(lowRiskProfile);
    const result = scoreAssessment({ template: a10TemplateV1, answers });
    expect(result.residual.overall).toBeGreaterThan(0);
    const iso = result.breakdown.find((b) => b.questionId === 'gov.iso42001');
    expect(iso).toMatchObject({ answerPoints: 1, evidenceFactor: 0.5, points: 0.5, evidenceState: 'none' });
  });

  it('knocks out training on our data without an opt-out, but only when our data goes in', () => {
    const shares = bestAnswers(lowRiskProfile);
    const answers = { ...shares.answers, 'train.default_use': { value: 'no_opt_out' } };
    const result = scoreAssessment({ template: a10TemplateV1, answers, evidence: shares.evidence });
    expect(result.knockOuts.map((k) => `${k.questionId}=${k.answer}`)).toEqual([
      'train.default_use=no_opt_out',
    ]);
    expect(result.recommendation).toBe('reject');

    const noData = { ...answers, 'profile.data_categories': { value: ['none'] } };
    expect(scoreAssessment({ template: a10TemplateV1, answers: noData }).knockOuts).toEqual([]);
  });

  it('knocks out missing processor terms with personal data, a prohibited class and no incident notice', () => {
    const personal = bestAnswers({ ...lowRiskProfile, 'profile.data_categories': { value: ['personal'] } });
    const answers = {
      ...personal.answers,
      'reg.processor_terms': { value: 'no' },
      'inc.customer_notice': { value: 'no_commitment' },
      'profile.ai_act_class': { value: 'prohibited' },
    };
    const result = scoreAssessment({ template: a10TemplateV1, answers, evidence: personal.evidence });
    expect(result.knockOuts.map((k) => k.questionId)).toEqual([
      'profile.ai_act_class',
      'reg.processor_terms',
      'inc.customer_notice',
    ]);
    expect(result.reasons.slice(0, 3)).toEqual([
      'Knock-out: question profile.ai_act_class was answered "It involves a prohibited practice (Art. 5)". The service involves a practice the EU AI Act prohibits (Art. 5).',
      'Knock-out: question reg.processor_terms was answered "No". Personal data would be processed without GDPR Art. 28 processor terms.',
      'Knock-out: question inc.customer_notice was answered "We do not commit to notifying customers". The vendor will not commit to notifying us of incidents.',
    ]);
  });
});
