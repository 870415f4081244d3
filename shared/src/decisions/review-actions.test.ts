import { describe, expect, it } from 'vitest';
import { isReviewAction } from './review-actions';

describe('review actions (separation of duties)', () => {
  it('counts the review steps and work on findings', () => {
    for (const action of [
      'assessment.review_started',
      'assessment.evidence_verified',
      'assessment.comment_added',
      'assessment.changes_requested',
      'assessment.override_set',
      'assessment.override_withdrawn',
      'finding.flagged',
      'finding.sent_to_vendor',
      'finding.start_remediation',
      'finding.resolve',
      'finding.reopen',
    ]) {
      expect(isReviewAction(action), action).toBe(true);
    }
  });

  it("does not count sending, the vendor's steps, scoring or accepting a finding's risk", () => {
    for (const action of [
      'assessment.sent',
      'assessment.submitted',
      'assessment.scored',
      'assessment.decided',
      'assessment.viewed',
      'finding.accept_risk',
      'findings.flagged',
    ]) {
      expect(isReviewAction(action), action).toBe(false);
    }
  });
});
