import type { Db } from '@sightline/db/client';
import { isOpenAssessment } from '@sightline/shared/assessments/open-assessments';
import { assessmentPerService, type ServiceAssessment } from '../overview/service-assessments';
import { listAccessRequests } from './requests-service';

/**
 * Access requests grouped per service; each carries the assessment already under way for its service,
 * so staff open that one instead of starting a duplicate.
 */
export async function listRequestsWithOpenAssessments(db: Db) {
  const groups = await listAccessRequests(db);
  const current = await assessmentPerService(
    db,
    groups.map((g) => g.serviceId),
  );
  return groups.map((group) => {
    const latest = current.get(group.serviceId);
    const openAssessment: ServiceAssessment | null = latest && isOpenAssessment(latest.state) ? latest : null;
    return { ...group, requests: group.requests.map((r) => ({ ...r, openAssessment })) };
  });
}
