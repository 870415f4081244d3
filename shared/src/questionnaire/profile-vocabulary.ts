import { z } from 'zod';

/**
 * Values that profile questions must use when they feed inherent risk. Scoring reads these values,
 * so a template marks such a question with `inherentFactor` and the template rules check its options.
 */
export const dataCategories = [
  'none',
  'internal',
  'confidential',
  'personal',
  'special_category',
  'source_code',
  'customer_data',
] as const;
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const dataCategoryLabels: Record<DataCategory, string> = {
  none: 'No organisational data',
  internal: 'Internal information',
  confidential: 'Confidential information',
  personal: 'Personal data',
  special_category: 'Special-category personal data',
  source_code: 'Source code',
  customer_data: 'Customer data',
};

/** How far the service's outputs reach into decisions about individuals. */
export const decisionImpacts = ['none', 'informs', 'decides'] as const;
export const decisionImpactSchema = z.enum(decisionImpacts);
export type DecisionImpact = z.infer<typeof decisionImpactSchema>;

/** How much the service acts on its own: generates only, acts with confirmation, acts unattended. */
export const autonomyLevels = ['none', 'assisted', 'autonomous'] as const;
export const autonomyLevelSchema = z.enum(autonomyLevels);
export type AutonomyLevel = z.infer<typeof autonomyLevelSchema>;

/** Profile facts that feed inherent risk; each may be marked on at most one profile question. */
export const inherentFactors = [
  'data_categories',
  'user_count',
  'decisions_about_people',
  'autonomy',
  'ai_act_class',
] as const;
export const inherentFactorSchema = z.enum(inherentFactors);
export type InherentFactor = z.infer<typeof inherentFactorSchema>;
