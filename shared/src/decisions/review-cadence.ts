import { z } from 'zod';
import type { ReviewCadence } from './decision-rules';

const months = z.number().int().min(1).max(120);

/** org_settings.review_cadence_months as stored: months between reassessments, per tier. */
export const reviewCadenceSchema = z.strictObject({
  critical: months,
  high: months,
  medium: months,
  low: months,
});

export const DEFAULT_REVIEW_CADENCE: ReviewCadence = { critical: 3, high: 6, medium: 12, low: 24 };

/** The stored cadence, or the default when the stored value does not parse. */
export function parseReviewCadence(stored: unknown): ReviewCadence {
  const parsed = reviewCadenceSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_REVIEW_CADENCE;
}
