import { z } from 'zod';
import { riskTierSchema } from '../assessments/assessment-states';
import { euAiActClassSchema } from '../inventory/inventory-enums';
import type { Answers } from '../questionnaire/answer-schema';
import { type EvidenceByQuestion, evidenceByQuestionSchema } from '../questionnaire/evidence-summary';
import {
  autonomyLevelSchema,
  dataCategorySchema,
  decisionImpactSchema,
} from '../questionnaire/profile-vocabulary';
import type { Template } from '../questionnaire/template-schema';
import { type TierThresholds, tierThresholdsSchema } from './tiers';

/** A reviewer's replacement for one question's points; the breakdown shows it with its reason. */
export const scoreOverrideSchema = z.strictObject({
  points: z.number().min(0, 'points must be between 0 and 1').max(1, 'points must be between 0 and 1'),
  reason: z.string().trim().min(1, 'an override needs a reason'),
  by: z.string().min(1),
});
export type ScoreOverride = z.infer<typeof scoreOverrideSchema>;
export const scoreOverridesSchema = z.record(z.string(), scoreOverrideSchema);
export type ScoreOverrides = Readonly<Record<string, ScoreOverride | undefined>>;

/**
 * What the organisation knows about its own use, beside the vendor's profile answers. Inherent
 * risk takes the more severe of the two, so a vendor cannot talk the risk down.
 */
export const useContextSchema = z.strictObject({
  dataCategories: z.array(dataCategorySchema).optional(),
  businessCriticality: riskTierSchema.optional(),
  /** Distinct users the extension saw on the service. */
  observedUsers: z.number().int().min(0).optional(),
  decisionsAboutPeople: decisionImpactSchema.optional(),
  autonomy: autonomyLevelSchema.optional(),
  euAiActClass: euAiActClassSchema.optional(),
});
export type UseContext = z.infer<typeof useContextSchema>;

/** Everything but the template and answers, checked before scoring. */
export const scoreOptionsSchema = z.strictObject({
  evidence: evidenceByQuestionSchema.optional(),
  overrides: scoreOverridesSchema.optional(),
  useContext: useContextSchema.optional(),
  thresholds: tierThresholdsSchema.optional(),
});

export type ScoreInput = {
  /** A parsed template (see parseTemplate); scoring trusts its rules. */
  template: Template;
  answers: Answers;
  evidence?: EvidenceByQuestion;
  overrides?: ScoreOverrides;
  useContext?: UseContext;
  thresholds?: TierThresholds;
};
