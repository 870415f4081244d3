import type { DecisionOutcome } from '@sightline/shared/assessments/assessment-states';

export const outcomeLabels: Record<DecisionOutcome, string> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  reject: 'Reject',
};

/** What each outcome does, said before the approver commits to it. */
export const outcomeEffects: Record<DecisionOutcome, string> = {
  approve: 'The service becomes approved: staff are no longer warned.',
  approve_with_conditions:
    'The service becomes conditional: staff see your conditions in a banner on every visit.',
  reject: 'The service is blocked (or unapproved, as Settings say) and its requesters are told why.',
};
