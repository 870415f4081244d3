import { z } from 'zod';
import type { RiskTier } from '../assessments/assessment-states';

/** A score at or above a threshold lands in that tier; below `medium` is low. Configurable per org. */
export const tierThresholdsSchema = z
  .strictObject({
    critical: z.number().min(0).max(100),
    high: z.number().min(0).max(100),
    medium: z.number().min(0).max(100),
  })
  .refine((t) => t.critical > t.high && t.high > t.medium && t.medium > 0, {
    message: 'thresholds must rise strictly: 0 < medium < high < critical',
  });
export type TierThresholds = z.infer<typeof tierThresholdsSchema>;

export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { critical: 70, high: 40, medium: 20 };

export function tierFor(score: number, thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS): RiskTier {
  if (score >= thresholds.critical) return 'critical';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}
