import type { DbOrTx } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { vendor } from '@sightline/db/schema/vendors';
import {
  awaitingVendorAssessmentStates,
  decidedVendorStatuses,
  inReviewAssessmentStates,
  type ShownVendorStatus,
} from '@sightline/shared/vendors/vendor-statuses';
import { count, inArray, type SQL, sql } from 'drizzle-orm';

/**
 * Per vendor: how many assessments it has and how many stand at each stage the vendor's status shows.
 * A grouped subquery joined on the vendor id (a correlated subquery written as raw SQL lost its table
 * names and compared the assessment's own id, so every count read 0).
 */
export function assessmentSummary(db: DbOrTx) {
  return db
    .select({
      vendorId: assessment.vendorId,
      total: count().as('total'),
      inReview:
        sql<number>`count(*) filter (where ${inArray(assessment.state, [...inReviewAssessmentStates])})`
          .mapWith(Number)
          .as('in_review'),
      awaitingVendor:
        sql<number>`count(*) filter (where ${inArray(assessment.state, [...awaitingVendorAssessmentStates])})`
          .mapWith(Number)
          .as('awaiting_vendor'),
    })
    .from(assessment)
    .groupBy(assessment.vendorId)
    .as('vendor_assessments');
}

type Summary = ReturnType<typeof assessmentSummary>;

export const assessmentCountSql = (summary: Summary): SQL<number> =>
  sql<number>`coalesce(${summary.total}, 0)`.mapWith(Number);

/** The status the register shows (see shownVendorStatuses): a recorded decision, else the assessments' stage. */
export const shownStatusSql = (summary: Summary): SQL<ShownVendorStatus> => sql<ShownVendorStatus>`case
  when ${inArray(vendor.status, [...decidedVendorStatuses])} then ${vendor.status}::text
  when coalesce(${summary.inReview}, 0) > 0 then 'in_review'
  when coalesce(${summary.awaitingVendor}, 0) > 0 then 'awaiting_vendor'
  else 'prospect' end`;
