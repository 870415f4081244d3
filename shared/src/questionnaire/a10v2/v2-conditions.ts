import type { Condition } from '../condition-schema';

/**
 * What switches parts of the v2 questionnaire on. Our use comes from the organisation's use context
 * (never from the vendor); the vendor's own declarations (role, models, hosting, regions) can only
 * add to it. An unstated context field or a "we cannot say" answer counts as unknown, and unknown
 * shows the questions.
 */
export const sharesOrganisationData: Condition = {
  useContext: 'dataCategories',
  includesAny: [
    'internal',
    'confidential',
    'financial',
    'personal',
    'special_category',
    'source_code',
    'customer_data',
  ],
};

export const involvesPersonalData: Condition = {
  useContext: 'dataCategories',
  includesAny: ['personal', 'special_category'],
};

export const affectsPeople: Condition = {
  useContext: 'decisionsAboutPeople',
  includesAny: ['informs', 'decides'],
};

export const decidesAboutPeople: Condition = { useContext: 'decisionsAboutPeople', equals: 'decides' };

export const usesTools: Condition = { useContext: 'autonomy', includesAny: ['assisted', 'autonomous'] };

export const actsAutonomously: Condition = { useContext: 'autonomy', equals: 'autonomous' };

/** Our class for our use, or the vendor's for the purposes it offers the service for: either suffices. */
export const isHighRisk: Condition = {
  any: [
    { useContext: 'euAiActClass', equals: 'high_risk' },
    { questionId: 'profile.ai_act_class', equals: 'high_risk' },
  ],
};

/** DORA applies to financial entities, which state it; an organisation that does not is not one. */
export const supportsCriticalFunction: Condition = {
  useContext: 'supportsCriticalFunction',
  equals: 'yes',
  ifUnstated: 'no_match',
};

/** The vendor provides the general-purpose model itself (EU AI Act Art. 3(63), Art. 53). */
export const providesGeneralPurposeModel: Condition = {
  any: [
    { questionId: 'profile.ai_act_role', includesAny: ['model_provider'] },
    { questionId: 'profile.gpai_model', includesAny: ['own'] },
  ],
};

/** The service is built on another company's general-purpose model (Art. 53(1)(b), Annex XII). */
export const integratesGeneralPurposeModel: Condition = {
  questionId: 'profile.gpai_model',
  includesAny: ['third_party'],
};

export const reliesOnThirdPartyModels: Condition = {
  questionId: 'prov.model_hosting',
  includesAny: ['third_party_api', 'mixed'],
};

export const leavesTheEea: Condition = {
  questionId: 'ret.regions',
  includesAny: ['uk', 'switzerland', 'us', 'other'],
};
