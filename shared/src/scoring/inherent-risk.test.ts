import { describe, expect, it } from 'vitest';
import { a10TemplateV1 } from '../questionnaire/a10-template-v1';
import type { Answers } from '../questionnaire/answer-schema';
import { scoreAssessment } from './score-assessment';

const inherent = (answers: Answers, useContext = {}) =>
  scoreAssessment({ template: a10TemplateV1, answers, useContext }).inherent;

const profile = (fields: Record<string, unknown>): Answers =>
  Object.fromEntries(Object.entries(fields).map(([k, value]) => [`profile.${k}`, { value }]));

describe('inherent risk', () => {
  it('is low for an internal-data tool used by a small team', () => {
    const result = inherent(
      profile({
        data_categories: ['internal'],
        user_count: 12,
        decisions_about_people: 'none',
        autonomy: 'none',
        ai_act_class: 'minimal',
      }),
    );
    expect(result).toMatchObject({ score: 10, tier: 'low' });
  });

  it('is critical for a high-risk system deciding about people with personal data', () => {
    const result = inherent(
      profile({
        data_categories: ['personal'],
        user_count: 60,
        decisions_about_people: 'decides',
        autonomy: 'none',
        ai_act_class: 'high_risk',
      }),
    );
    // personal 30 + decides 25 + high-risk 30 + 50–249 users 5
    expect(result).toMatchObject({ score: 90, tier: 'critical' });
  });

  it('takes the worse of the vendor’s profile and the organisation’s own view, users included', () => {
    const answers = profile({
      data_categories: ['internal'],
      user_count: 10,
      decisions_about_people: 'none',
      autonomy: 'none',
      ai_act_class: 'minimal',
    });
    const result = inherent(answers, {
      dataCategories: ['special_category'],
      observedUsers: 1500,
      businessCriticality: 'high',
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
      { factor: 'ai_act_class', value: 'minimal risk', points: 0, source: 'profile' },
      { factor: 'user_count', value: '1500 users', points: 15, source: 'use_context' },
      { factor: 'business_criticality', value: 'high criticality', points: 15, source: 'use_context' },
    ]);
    expect(result).toMatchObject({ score: 70, tier: 'critical' });
  });

  it('assumes a middling value for anything nobody stated, never a harmless one', () => {
    const result = inherent({});
    expect(result.factors.filter((f) => f.source === 'assumed').map((f) => f.factor)).toHaveLength(6);
    // data 20 + decisions 15 + autonomy 10 + unclassified 15 + users 5
    expect(result).toMatchObject({ score: 65, tier: 'high' });
  });

  it('caps the score at 100', () => {
    const result = inherent(profile({ ai_act_class: 'prohibited', data_categories: ['special_category'] }));
    expect(result.score).toBe(100);
  });
});
