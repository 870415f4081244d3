import { describe, expect, it } from 'vitest';
import type { Answers } from '../questionnaire/answer-schema';
import { systemFromAssessment } from './system-prefill';

const answers = (values: Record<string, unknown>): Answers =>
  Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }]));

describe('inventory entry prefilled from an assessment', () => {
  it('takes purpose, class, data and decisions from the use context for a v2 questionnaire', () => {
    const entry = systemFromAssessment({
      answers: answers({ 'ovs.review': 'yes', 'ovs.override': 'yes' }),
      serviceName: 'HireBot',
      vendorName: 'Hire Inc',
      context: {
        purpose: '  Screening job applications ',
        euAiActClass: 'high_risk',
        dataCategories: ['personal', 'special_category'],
        decisionsAboutPeople: 'decides',
      },
      outcome: 'approve',
    });
    expect(entry).toEqual({
      name: 'HireBot',
      purpose: 'Screening job applications',
      euAiActClass: 'high_risk',
      dataCategories: ['personal', 'special_category'],
      decisionsAboutPeople: true,
      decisionsDescription:
        'It takes or applies decisions about individuals without a person deciding each case.',
      humanOversight:
        "Vendor's answers: a person can check an output before it takes effect on someone; that person can change or reject the output, and their decision wins.",
      lifecycleStage: 'deployment',
    });
  });

  it("prefers the organisation's context over a v1 profile answer, which fills only what it leaves blank", () => {
    const entry = systemFromAssessment({
      answers: answers({
        'profile.purpose': 'What the vendor thinks we do',
        'profile.ai_act_class': 'high_risk',
        'profile.decisions_about_people': 'decides',
      }),
      serviceName: 'HireBot',
      vendorName: 'Hire Inc',
      context: { purpose: 'Sorting CVs', euAiActClass: 'unknown', decisionsAboutPeople: 'none' },
      outcome: 'approve',
    });
    expect(entry).toMatchObject({
      purpose: 'Sorting CVs',
      euAiActClass: 'high_risk',
      decisionsAboutPeople: false,
      decisionsDescription: null,
    });
  });

  it('takes purpose, class, data, decisions and oversight from the answers of a v1 snapshot', () => {
    const entry = systemFromAssessment({
      answers: answers({
        'profile.purpose': '  Screening job applications ',
        'profile.ai_act_class': 'high_risk',
        'profile.data_categories': ['personal', 'internal'],
        'profile.decisions_about_people': 'informs',
        'ovs.review': 'yes',
        'ovs.override': 'no',
      }),
      serviceName: 'HireBot',
      vendorName: 'Hire Inc',
      context: { dataCategories: ['special_category', 'personal'] },
      outcome: 'approve_with_conditions',
    });
    expect(entry).toEqual({
      name: 'HireBot',
      purpose: 'Screening job applications',
      euAiActClass: 'high_risk',
      dataCategories: ['personal', 'internal', 'special_category'],
      decisionsAboutPeople: true,
      decisionsDescription: 'Its outputs inform decisions about individuals that a person then takes.',
      humanOversight:
        "Vendor's answers: a person can check an output before it takes effect on someone; not: that person can change or reject the output, and their decision wins.",
      lifecycleStage: 'deployment',
    });
  });

  it('falls back to the vendor name and a neutral purpose; a rejection is recorded as retired', () => {
    const entry = systemFromAssessment({
      answers: answers({ 'profile.ai_act_class': 'something else', 'profile.data_categories': ['none'] }),
      serviceName: null,
      vendorName: 'Acme AI Ltd',
      context: undefined,
      outcome: 'reject',
    });
    expect(entry).toMatchObject({
      name: 'Acme AI Ltd',
      purpose: 'Use of Acme AI Ltd',
      euAiActClass: 'unknown',
      dataCategories: [],
      decisionsAboutPeople: false,
      decisionsDescription: null,
      humanOversight: null,
      lifecycleStage: 'retirement',
    });
  });
});
