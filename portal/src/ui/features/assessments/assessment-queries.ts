import { api, unwrap } from '../../lib/api';

export const fetchAssessment = (id: string) => unwrap(api.api.assessments[':id'].$get({ param: { id } }));
export type AssessmentDetail = Awaited<ReturnType<typeof fetchAssessment>>;
export const assessmentKey = (id: string) => ['assessment', id] as const;
