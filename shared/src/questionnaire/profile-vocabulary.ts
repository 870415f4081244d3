import { z } from 'zod';

/**
 * The one vocabulary of data categories: access requests, the extension, the organisation's use
 * context, the inventory, profile questions and scoring all use these values (the old request
 * spellings are mapped at the API boundary, see data-category-spellings.ts). Profile questions that
 * feed inherent risk must use them too; the template rules check their options.
 */
export const dataCategories = [
  'none',
  'public',
  'internal',
  'confidential',
  'financial',
  'personal',
  'special_category',
  'source_code',
  'customer_data',
] as const;
export const dataCategorySchema = z.enum(dataCategories);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const dataCategoryLabels: Record<DataCategory, string> = {
  none: 'No organisational data',
  public: 'Public information',
  internal: 'Internal information',
  confidential: 'Confidential information',
  financial: 'Financial data',
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
