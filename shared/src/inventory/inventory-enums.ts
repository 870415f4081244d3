import { z } from 'zod';

export const lifecycleStages = ['planned', 'in_development', 'pilot', 'production', 'retired'] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);

/** EU AI Act classification of an AI system. */
export const euAiActClasses = ['prohibited', 'high_risk', 'limited', 'minimal', 'gpai', 'unknown'] as const;
export const euAiActClassSchema = z.enum(euAiActClasses);

/** The organisation's role under the EU AI Act for this system. */
export const aiActRoles = [
  'provider',
  'deployer',
  'importer',
  'distributor',
  'product_manufacturer',
] as const;
export const aiActRoleSchema = z.enum(aiActRoles);
