import { z } from 'zod';
import type { Answers } from '../questionnaire/answer-schema';
import { type EvidenceByQuestion, evidenceByQuestionSchema } from '../questionnaire/evidence-summary';
import type { Template } from '../questionnaire/template-schema';
import { type UseContext, useContextSchema } from '../questionnaire/use-context';
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

/** The organisation's use profile lives with the questionnaire, whose conditions read it too. */
export { type UseContext, useContextSchema } from '../questionnaire/use-context';

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
