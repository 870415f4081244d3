import { z } from 'zod';

export const assessmentStates = [
  'draft',
  'sent',
  'in_progress',
  'submitted',
  'changes_requested',
  'under_review',
  'decided',
  'expired',
  'revoked',
] as const;
export const assessmentStateSchema = z.enum(assessmentStates);
export type AssessmentState = z.infer<typeof assessmentStateSchema>;

export const riskTiers = ['low', 'medium', 'high', 'critical'] as const;
export const riskTierSchema = z.enum(riskTiers);
export type RiskTier = z.infer<typeof riskTierSchema>;

export const decisionOutcomes = ['approve', 'approve_with_conditions', 'reject'] as const;
export const decisionOutcomeSchema = z.enum(decisionOutcomes);
export type DecisionOutcome = z.infer<typeof decisionOutcomeSchema>;

export const tokenKinds = ['primary', 'colleague', 'reminder'] as const;
export type TokenKind = (typeof tokenKinds)[number];
