import type { EvidenceState } from '@sightline/shared/questionnaire/evidence-summary';
import type { Recommendation } from '@sightline/shared/scoring/score-result-schema';

export const recommendationLabels: Record<Recommendation, string> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  escalate: 'Escalate',
  reject: 'Reject',
};

export const evidenceStateLabels: Record<EvidenceState, string> = {
  not_requested: '—',
  none: 'none',
  uploaded: 'uploaded, not verified',
  verified: 'verified',
};

export const inherentSourceLabels = {
  profile: "the vendor's profile",
  use_context: 'our use',
  both: 'our use and the profile',
  assumed: 'assumed (nobody said)',
} as const;

/** Points are stored 0–1 (1 = full assurance); reviewers read them as percentages. */
export const asPercent = (points: number | null) => (points === null ? '—' : `${Math.round(points * 100)} %`);
