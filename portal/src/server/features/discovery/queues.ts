import type { Db } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import { aiCandidate } from '@sightline/db/schema/catalog';
import { accessRequest } from '@sightline/db/schema/usage';
import { openAssessmentStates } from '@sightline/shared/assessments/open-assessments';
import { count, eq, inArray } from 'drizzle-orm';

/** The work waiting for staff, shown beside the usage figures. */
export async function loadQueues(db: Db) {
  const [[requests], [candidates], [assessments]] = await Promise.all([
    db.select({ n: count() }).from(accessRequest).where(eq(accessRequest.status, 'open')),
    db.select({ n: count() }).from(aiCandidate).where(eq(aiCandidate.status, 'open')),
    db
      .select({ n: count() })
      .from(assessment)
      // Sent and not yet decided; drafts are not in progress until they reach the vendor.
      .where(
        inArray(
          assessment.state,
          openAssessmentStates.filter((s) => s !== 'draft'),
        ),
      ),
  ]);
  return {
    openRequests: requests?.n ?? 0,
    openCandidates: candidates?.n ?? 0,
    assessmentsInProgress: assessments?.n ?? 0,
  };
}
