import { z } from 'zod';
import { decisionOutcomeSchema, riskTierSchema } from '../assessments/assessment-states';
import { serviceIdSchema } from '../catalog/service-id';
import { plainText } from '../extension-api/text';
import { daySchema, timestampSchema } from '../http/json-values';
import { questionIdSchema } from '../questionnaire/condition-schema';

/**
 * A reviewer replaces one question's points with a reason. The server checks the points against
 * the question's range (0 to 1 of full assurance) and that the question is scorable.
 */
export const overrideInputSchema = z.strictObject({
  questionId: questionIdSchema,
  points: z.number().min(0, 'points are between 0 and 1').max(1, 'points are between 0 and 1'),
  reason: plainText(5, 2000),
});
export type OverrideInput = z.infer<typeof overrideInputSchema>;

export const withdrawOverrideSchema = z.strictObject({ reason: plainText(0, 2000).optional() });

/**
 * The approver's decision. Conditions are required when approving with conditions, and a tier
 * other than the scored residual tier needs its reason written down.
 */
export const decisionInputSchema = z
  .strictObject({
    outcome: decisionOutcomeSchema,
    conditions: plainText(3, 4000).optional(),
    reason: plainText(5, 4000),
    /** The vendor's risk tier when it differs from the scored residual tier (a documented adjustment). */
    tier: riskTierSchema.optional(),
    tierReason: plainText(5, 2000).optional(),
  })
  .refine((v) => v.outcome !== 'approve_with_conditions' || v.conditions !== undefined, {
    message: 'Approving with conditions needs the conditions',
    path: ['conditions'],
  })
  .refine((v) => v.outcome === 'approve_with_conditions' || v.conditions === undefined, {
    message: 'Only an approval with conditions carries conditions',
    path: ['conditions'],
  });
export type DecisionInput = z.infer<typeof decisionInputSchema>;

/** A decision as recorded, with what it set (policy, tier, next review, AI system). */
export const decisionViewSchema = z.strictObject({
  id: z.uuid(),
  assessmentId: z.uuid(),
  serviceId: serviceIdSchema.nullable(),
  outcome: decisionOutcomeSchema,
  conditions: z.string().nullable(),
  reason: z.string(),
  residualTier: riskTierSchema.nullable(),
  tier: riskTierSchema.nullable(),
  tierReason: z.string().nullable(),
  nextReviewOn: daySchema.nullable(),
  policyState: z.string().nullable(),
  aiSystemId: z.uuid().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestampSchema,
});
export type DecisionView = z.infer<typeof decisionViewSchema>;
