import { z } from 'zod';
import { riskTierSchema } from '../assessments/assessment-states';
import { evidenceStates } from '../questionnaire/evidence-summary';
import { inherentFactors } from '../questionnaire/profile-vocabulary';
import { questionTypeSchema } from '../questionnaire/template-schema';
import { tierThresholdsSchema } from './tiers';

export const recommendations = ['approve', 'approve_with_conditions', 'escalate', 'reject'] as const;
export const recommendationSchema = z.enum(recommendations);
export type Recommendation = z.infer<typeof recommendationSchema>;

/**
 * What a "not applicable", an "unknown" (a "we cannot say" option) or a blank answer did to the
 * questionnaire, for the reviewer: the questions it kept out of view (`hid`), the follow-ups it showed
 * as the riskier answer would (`showed`), and what left the sums because of it (`removedFromSums`:
 * the N/A question itself and the questions it hid). Scoring version 2 on; absent before.
 */
export const nonAnswerEffectSchema = z.object({
  kind: z.enum(['not_applicable', 'unknown', 'blank']),
  hid: z.array(z.string()),
  showed: z.array(z.string()),
  removedFromSums: z.array(z.string()),
  removedWeight: z.number(),
});
export type NonAnswerEffect = z.infer<typeof nonAnswerEffectSchema>;

export const breakdownItemSchema = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  type: questionTypeSchema,
  answerState: z.enum(['answered', 'not_applicable', 'unanswered', 'invalid']),
  /** Whether the question entered the sums. */
  scored: z.boolean(),
  weight: z.number(),
  /** Points from the answer alone, before the evidence factor. */
  answerPoints: z.number().nullable(),
  evidenceFactor: z.number().nullable(),
  /** Points that counted: after the evidence factor, or the reviewer's override. */
  points: z.number().nullable(),
  /** Residual-risk points this question adds to the overall score; they sum to it (up to rounding). */
  contribution: z.number(),
  evidenceState: z.enum(evidenceStates),
  override: z
    .object({ points: z.number(), reason: z.string(), by: z.string(), computedPoints: z.number().nullable() })
    .optional(),
  notApplicable: z.boolean(),
  nonAnswer: nonAnswerEffectSchema.optional(),
});
export type BreakdownItem = z.infer<typeof breakdownItemSchema>;

export const knockOutSchema = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  answer: z.string(),
  answerLabel: z.string(),
  reason: z.string(),
  /** The question was left blank (or answered "we cannot say"): silence counts as the knock-out until answered. */
  unanswered: z.boolean().optional(),
});
export type KnockOut = z.infer<typeof knockOutSchema>;

/**
 * One condition of an approval, derived from an answer that fell short: which question, what was
 * answered, and what would close the gap. Scoring version 2 on.
 */
export const approvalConditionSchema = z.object({
  questionId: z.string(),
  sectionId: z.string(),
  question: z.string(),
  answer: z.string(),
  fix: z.string(),
  /** Residual-risk points the shortfall adds, to put the largest first. */
  contribution: z.number(),
});
export type ApprovalCondition = z.infer<typeof approvalConditionSchema>;

export const inherentFactorResultSchema = z.object({
  factor: z.enum([...inherentFactors, 'business_criticality']),
  /** The value that counted, in words. */
  value: z.string(),
  points: z.number(),
  /** Where the value came from; "assumed" when neither the vendor nor we said. */
  source: z.enum(['profile', 'use_context', 'both', 'assumed']),
});
export type InherentFactorResult = z.infer<typeof inherentFactorResultSchema>;

export const inherentRiskSchema = z.object({
  score: z.number(),
  tier: riskTierSchema,
  factors: z.array(inherentFactorResultSchema),
});
export type InherentRisk = z.infer<typeof inherentRiskSchema>;

/** The stored result (assessment.score_result); parse with this when reading it back. */
export const scoreResultSchema = z.object({
  algorithmVersion: z.string(),
  template: z.object({ key: z.string(), version: z.number().int() }),
  thresholds: tierThresholdsSchema,
  residual: z.object({
    overall: z.number().nullable(),
    bySection: z.record(z.string(), z.number().nullable()),
  }),
  residualTier: riskTierSchema.nullable(),
  inherent: inherentRiskSchema,
  knockOuts: z.array(knockOutSchema),
  recommendation: recommendationSchema,
  reasons: z.array(z.string()),
  breakdown: z.array(breakdownItemSchema),
  /** Every shortfall as a condition, largest first; empty when nothing fell short. Absent in version 1 results. */
  conditions: z.array(approvalConditionSchema).optional(),
});
export type ScoreResult = z.infer<typeof scoreResultSchema>;
