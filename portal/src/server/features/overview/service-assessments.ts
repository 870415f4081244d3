import type { Db } from '@sightline/db/client';
import { assessment } from '@sightline/db/schema/assessments';
import type { AssessmentState } from '@sightline/shared/assessments/assessment-states';
import { openAssessmentStates } from '@sightline/shared/assessments/open-assessments';
import { and, asc, desc, inArray, isNotNull, sql } from 'drizzle-orm';

export type ServiceAssessment = { id: string; state: AssessmentState };

/**
 * The assessment that speaks for each service: the one under way if there is one, else the latest.
 * With `serviceIds`, only those services are looked up.
 */
export async function assessmentPerService(
  db: Db,
  serviceIds?: readonly string[],
): Promise<Map<string, ServiceAssessment>> {
  if (serviceIds?.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([assessment.serviceId], {
      serviceId: assessment.serviceId,
      id: assessment.id,
      state: assessment.state,
    })
    .from(assessment)
    .where(
      and(
        isNotNull(assessment.serviceId),
        serviceIds ? inArray(assessment.serviceId, [...serviceIds]) : undefined,
      ),
    )
    .orderBy(
      asc(assessment.serviceId),
      desc(sql`${inArray(assessment.state, [...openAssessmentStates])}`),
      desc(assessment.createdAt),
    );
  return new Map(rows.map((r) => [r.serviceId!, { id: r.id, state: r.state }]));
}
