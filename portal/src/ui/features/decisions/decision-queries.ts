import { ApiClientError } from '@sightline/shared/http/api-client-error';
import { api, unwrap } from '../../lib/api';

/** The assessment's decision, or null while none is recorded. */
export async function fetchDecision(assessmentId: string) {
  try {
    return await unwrap(api.api.assessments[':id'].decision.$get({ param: { id: assessmentId } }));
  } catch (error) {
    if (error instanceof ApiClientError && error.status === 404) return null;
    throw error;
  }
}
export type Decision = NonNullable<Awaited<ReturnType<typeof fetchDecision>>>;
export const decisionKey = (assessmentId: string) => ['decision', assessmentId] as const;
