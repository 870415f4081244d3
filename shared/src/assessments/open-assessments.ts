import { type AssessmentState, assessmentStates } from './assessment-states';

/** Finished: a new assessment of the same service may start. */
export const finishedAssessmentStates: readonly AssessmentState[] = ['decided', 'expired', 'revoked'];

/** Under way, a draft included: starting another one for the same service would duplicate it. */
export const openAssessmentStates: readonly AssessmentState[] = assessmentStates.filter(
  (s) => !finishedAssessmentStates.includes(s),
);

export const isOpenAssessment = (state: AssessmentState): boolean => openAssessmentStates.includes(state);
