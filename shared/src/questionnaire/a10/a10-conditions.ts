import type { Condition } from '../condition-schema';

/**
 * The profile answers that switch parts of the A.10 questionnaire on, so a low-risk tool gets a
 * short list. Question ids here are the profile's stable ids.
 */
export const sharesOrganisationData: Condition = {
  questionId: 'profile.data_categories',
  includesAny: ['internal', 'confidential', 'personal', 'special_category', 'source_code', 'customer_data'],
};

export const involvesPersonalData: Condition = {
  questionId: 'profile.data_categories',
  includesAny: ['personal', 'special_category'],
};

export const affectsPeople: Condition = {
  questionId: 'profile.decisions_about_people',
  includesAny: ['informs', 'decides'],
};

export const decidesAboutPeople: Condition = {
  questionId: 'profile.decisions_about_people',
  equals: 'decides',
};

export const usesTools: Condition = {
  questionId: 'profile.autonomy',
  includesAny: ['assisted', 'autonomous'],
};

export const actsAutonomously: Condition = { questionId: 'profile.autonomy', equals: 'autonomous' };

export const isHighRisk: Condition = { questionId: 'profile.ai_act_class', equals: 'high_risk' };

export const involvesGeneralPurposeModel: Condition = {
  any: [
    { questionId: 'profile.ai_act_class', equals: 'gpai' },
    { questionId: 'profile.ai_act_role', includesAny: ['model_provider'] },
  ],
};

export const reliesOnThirdPartyModels: Condition = {
  questionId: 'prov.model_hosting',
  includesAny: ['third_party_api', 'mixed'],
};
