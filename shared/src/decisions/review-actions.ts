/**
 * Audit actions that make someone a reviewer of an assessment, for separation of duties: the
 * assessment's own review steps, and work on its findings. Accepting a finding's risk is the
 * approver's call (it is what lets an approval through), so it does not count as reviewing. Only
 * staff actors count: the vendor's steps and the system's are nobody's review.
 */
export const assessmentReviewActions = [
  'assessment.review_started',
  'assessment.evidence_verified',
  'assessment.evidence_unverified',
  'assessment.comment_added',
  'assessment.comment_removed',
  'assessment.changes_requested',
  'assessment.override_set',
  'assessment.override_withdrawn',
] as const;

/** Finding actions that are an approver's, not a reviewer's (the findings service names them by event). */
export const approverFindingActions = ['finding.accept_risk'] as const;

export function isReviewAction(action: string): boolean {
  if ((assessmentReviewActions as readonly string[]).includes(action)) return true;
  return action.startsWith('finding.') && !(approverFindingActions as readonly string[]).includes(action);
}
