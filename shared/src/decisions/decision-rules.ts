import type { DecisionOutcome, RiskTier } from '../assessments/assessment-states';
import type { PolicyState } from '../policy/policy-states';

/** Months between reassessments, by tier (org setting). */
export type ReviewCadence = Readonly<Record<RiskTier, number>>;

/** What a rejection does to the service: blocked by default, or only unapproved if the org prefers. */
export const rejectedServiceStates = ['blocked', 'unapproved'] as const;
export type RejectedServiceState = (typeof rejectedServiceStates)[number];

/** The service's policy after a decision. */
export function policyStateFor(outcome: DecisionOutcome, rejectedAs: RejectedServiceState): PolicyState {
  if (outcome === 'approve') return 'approved';
  if (outcome === 'approve_with_conditions') return 'conditional';
  return rejectedAs;
}

/**
 * The next review date: `months` calendar months after `from` (YYYY-MM-DD, UTC), clamped to the
 * month's last day (31 January + 1 month is 28 or 29 February, not 3 March).
 */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function nextReviewDate(tier: RiskTier, cadence: ReviewCadence, decidedOn: string): string {
  return addMonths(decidedOn, cadence[tier]);
}

export type DecisionCheckInput = {
  outcome: DecisionOutcome;
  approverId: string;
  /** Staff who reviewed this assessment (review actions in its history). */
  reviewerIds: readonly string[];
  separateApproverFromReviewer: boolean;
  /** Findings that are neither resolved nor risk-accepted. */
  blockingFindings: readonly { id: string; title: string }[];
};

/**
 * Why a decision may not be recorded, or null when it may. Rejection is always possible, except for
 * separation of duties, which holds for every outcome: the person deciding must not have reviewed.
 */
export function decisionRefusal(input: DecisionCheckInput): string | null {
  if (input.separateApproverFromReviewer && input.reviewerIds.includes(input.approverId)) {
    return 'You reviewed this assessment; another approver must decide it (separation of duties is on in Settings)';
  }
  if (input.outcome !== 'reject' && input.blockingFindings.length > 0) {
    const n = input.blockingFindings.length;
    const titles = input.blockingFindings
      .slice(0, 3)
      .map((f) => `"${f.title}"`)
      .join(', ');
    return `${n} finding${n === 1 ? ' is' : 's are'} still open (${titles}${n > 3 ? ', …' : ''}): resolve ${n === 1 ? 'it' : 'them'} or accept the risk before approving`;
  }
  return null;
}
