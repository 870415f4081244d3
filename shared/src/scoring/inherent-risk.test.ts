import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from '../questionnaire/a10-template-v1';
import { a10TemplateV2 } from '../questionnaire/a10-template-v2';
import type { Answers } from '../questionnaire/answer-schema';
import type { UseContext } from '../questionnaire/use-context';
import { scoreAssessment } from './score-assessment';

const inherentV1 = (answers: Answers, useContext: UseContext = {}) =>
  scoreAssessment({ template: a10TemplateV1, answers, useContext }).inherent;
const inherentV2 = (useContext: UseContext, vendorClass?: string) =>
  scoreAssessment({
    template: a10TemplateV2,
    answers: vendorClass ? { 'profile.ai_act_class': { value: vendorClass } } : {},
    useContext,
  }).inherent;

const profile = (fields: Record<string, unknown>): Answers =>
  Object.fromEntries(Object.entries(fields).map(([k, value]) => [`profile.${k}`, { value }]));

describe('inherent risk (template v2: the organisation states its use)', () => {
  it('is low for an internal-data tool used by a small team', () => {
    // internal 10 + no decisions 0 + no autonomy 0 + minimal (ours and the vendor's) 0 + 12 users 0
    const result = inherentV2(
      {
        dataCategories: ['internal'],
        decisionsAboutPeople: 'none',
        autonomy: 'none',
        euAiActClass: 'minimal',
        expectedUsers: 12,
      },
      'minimal',
    );
    expect(result).toMatchObject({ score: 10, tier: 'low' });
  });

  it('is critical for a high-risk use deciding about people with personal data', () => {
    // personal 30 + decides 25 + high-risk 30 + 50–249 users 5
    const result = inherentV2(
      {
        dataCategories: ['personal'],
        decisionsAboutPeople: 'decides',
        autonomy: 'none',
        euAiActClass: 'high_risk',
        expectedUsers: 60,
      },
      'minimal',
    );
    expect(result).toMatchObject({ score: 90, tier: 'critical' });
  });

  it('counts an unclassified use as high-risk, whatever the vendor says, until we classify it', () => {
    const ours: UseContext = { dataCategories: ['internal'], decisionsAboutPeople: 'none', autonomy: 'none' };
    const classOf = (r: ReturnType<typeof inherentV2>) => r.factors.find((f) => f.factor === 'ai_act_class');
    // Not stated by us, "minimal" by the vendor: 10 + 30 (unknown counts as high-risk) + 5 (users assumed)
    const unstated = inherentV2(ours, 'minimal');
    expect(classOf(unstated)).toEqual({
      factor: 'ai_act_class',
      value: 'not classified, counted as high-risk',
      points: 30,
      source: 'assumed',
    });
    expect(unstated.score).toBe(45);
    expect(inherentV2({ ...ours, euAiActClass: 'unknown' }, 'minimal').score).toBe(45);
    expect(inherentV2({ ...ours, euAiActClass: 'high_risk' }, 'minimal').score).toBe(45);
    // The vendor's own class adds, never removes: ours minimal, the vendor's high-risk.
    expect(inherentV2({ ...ours, euAiActClass: 'minimal' }, 'high_risk').score).toBe(45);
    expect(inherentV2({ ...ours, euAiActClass: 'minimal' }, 'minimal').score).toBe(15);
    // The vendor leaving its class blank, or "we have not classified it", counts as unknown too.
    expect(inherentV2({ ...ours, euAiActClass: 'minimal' }).score).toBe(45);
    expect(inherentV2({ ...ours, euAiActClass: 'minimal' }, 'unknown').score).toBe(45);
  });

  it('assumes a middling value for anything nobody stated, never a harmless one', () => {
    const result = inherentV2({});
    expect(result.factors.filter((f) => f.source === 'assumed').map((f) => f.factor)).toEqual([
      'data_categories',
      'decisions_about_people',
      'autonomy',
      'ai_act_class',
      'user_count',
      'business_criticality',
    ]);
    // data 20 + decisions 15 + autonomy 10 + unclassified 30 + users 5
    expect(result).toMatchObject({ score: 80, tier: 'critical' });
  });

  it('takes the larger of the expected and the observed number of users', () => {
    const users = (ctx: UseContext) =>
      inherentV2({ euAiActClass: 'minimal', ...ctx }, 'minimal').factors.find(
        (f) => f.factor === 'user_count',
      );
    expect(users({ expectedUsers: 40, observedUsers: 300 })).toMatchObject({
      value: '300 users',
      points: 10,
    });
    expect(users({ expectedUsers: 1200, observedUsers: 300 })).toMatchObject({
      value: '1200 users',
      points: 15,
    });
  });

  it('scores the categories of the one vocabulary, financial and public included', () => {
    const data = (categories: UseContext['dataCategories']) =>
      inherentV2({ dataCategories: categories, euAiActClass: 'minimal' }, 'minimal').factors[0];
    expect(data(['public'])).toMatchObject({ points: 0 });
    expect(data(['public', 'financial'])).toMatchObject({
      value: 'public information, financial data',
      points: 20,
    });
  });
});

describe('inherent risk (template v1: the vendor answered the profile)', () => {
  it('takes the worse of the vendor’s profile and the organisation’s own view, users included', () => {
    const answers = profile({
      data_categories: ['internal'],
      user_count: 10,
      decisions_about_people: 'none',
      autonomy: 'none',
      ai_act_class: 'minimal',
    });
    const result = inherentV1(answers, {
      dataCategories: ['special_category'],
      observedUsers: 1500,
      businessCriticality: 'high',
      euAiActClass: 'minimal',
    });
    expect(result.factors).toEqual([
      {
        factor: 'data_categories',
        value: 'internal information, special-category personal data',
        points: 40,
        source: 'both',
      },
      { factor: 'decisions_about_people', value: 'no decisions about people', points: 0, source: 'profile' },
      { factor: 'autonomy', value: 'does not act on its own', points: 0, source: 'profile' },
      { factor: 'ai_act_class', value: 'minimal risk', points: 0, source: 'both' },
      { factor: 'user_count', value: '1500 users', points: 15, source: 'use_context' },
      { factor: 'business_criticality', value: 'high criticality', points: 15, source: 'use_context' },
    ]);
    expect(result).toMatchObject({ score: 70, tier: 'critical' });
  });

  it('counts a profile question the vendor left blank as its riskiest value', () => {
    const answered = profile({
      data_categories: ['internal'],
      user_count: 10,
      decisions_about_people: 'none',
      autonomy: 'none',
      ai_act_class: 'minimal',
    });
    const ours: UseContext = { euAiActClass: 'minimal' };
    expect(inherentV1(answered, ours).score).toBe(10);
    const blankData = inherentV1({ ...answered, 'profile.data_categories': undefined }, ours);
    expect(blankData.factors[0]).toMatchObject({ points: 40, source: 'assumed' });
    expect(blankData.score).toBe(40);
    // Every factor blank: data 40 + decides 25 + autonomous 20 + unknown class 30 + 1000+ users 15, capped.
    expect(inherentV1({}, ours).score).toBe(100);
  });

  it('caps the score at 100', () => {
    const result = inherentV1(profile({ ai_act_class: 'prohibited', data_categories: ['special_category'] }));
    expect(result.score).toBe(100);
  });
});
