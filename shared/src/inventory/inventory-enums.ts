import { z } from 'zod';

/**
 * The AI system life cycle stages of ISO/IEC 22989 (clause 6), which ISO/IEC 42001 builds on; the
 * inventory records where each system stands.
 */
export const lifecycleStages = [
  'inception',
  'design_development',
  'verification_validation',
  'deployment',
  'operation_monitoring',
  're_evaluation',
  'retirement',
] as const;
export const lifecycleStageSchema = z.enum(lifecycleStages);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

export const lifecycleStageLabels: Record<LifecycleStage, string> = {
  inception: 'Inception',
  design_development: 'Design and development',
  verification_validation: 'Verification and validation',
  deployment: 'Deployment',
  operation_monitoring: 'Operation and monitoring',
  re_evaluation: 'Re-evaluation',
  retirement: 'Retirement',
};

/** EU AI Act classification of an AI system. */
export const euAiActClasses = ['prohibited', 'high_risk', 'limited', 'minimal', 'gpai', 'unknown'] as const;
export const euAiActClassSchema = z.enum(euAiActClasses);
export type EuAiActClass = z.infer<typeof euAiActClassSchema>;

export const euAiActClassLabels: Record<EuAiActClass, string> = {
  prohibited: 'Prohibited practice',
  high_risk: 'High-risk',
  limited: 'Limited risk (transparency duties)',
  minimal: 'Minimal risk',
  gpai: 'General-purpose AI model',
  unknown: 'Not yet classified',
};

/** The organisation's role under the EU AI Act for this system. */
export const aiActRoles = [
  'provider',
  'deployer',
  'importer',
  'distributor',
  'product_manufacturer',
] as const;
export const aiActRoleSchema = z.enum(aiActRoles);
export type AiActRole = z.infer<typeof aiActRoleSchema>;

/** Whether the organisation builds the system itself or obtains it from suppliers. */
export const aiSystemOrigins = ['internal', 'third_party'] as const;
export const aiSystemOriginSchema = z.enum(aiSystemOrigins);
export type AiSystemOrigin = z.infer<typeof aiSystemOriginSchema>;
