import { describe, expect, it } from 'vitest';
import { assessmentStates, type RiskTier } from '../assessments/assessment-states';
import { assessmentEvents, transition } from '../assessments/assessment-transitions';
import { decisionInputSchema } from './decision-api';
import {
  addMonths,
  type DecisionCheckInput,
  decisionRefusal,
  nextReviewDate,
  policyStateFor,
  type ReviewCadence,
} from './decision-rules';

describe('decision transition rules', () => {
  it('decides only an assessment under review', () => {
    const from = assessmentStates.filter((s) => transition(s, 'decide').ok);
    expect(from).toEqual(['under_review']);
    expect(transition('under_review', 'decide')).toEqual({ ok: true, to: 'decided' });
  });

  it('leaves a decided assessment where it is: no event moves it (a new decision needs a new cycle)', () => {
    for (const event of assessmentEvents) expect(transition('decided', event).ok, event).toBe(false);
    const second = transition('decided', 'decide');
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.reason).toBe('an assessment that is decided cannot be decided');
  });
});

describe('policyStateFor', () => {
  it('maps each outcome to the state the service gets', () => {
    expect(policyStateFor('approve', 'blocked')).toBe('approved');
    expect(policyStateFor('approve_with_conditions', 'blocked')).toBe('conditional');
    expect(policyStateFor('reject', 'blocked')).toBe('blocked');
    expect(policyStateFor('reject', 'unapproved')).toBe('unapproved');
    expect(policyStateFor('approve', 'unapproved')).toBe('approved');
  });
});

describe('next review date', () => {
  const cadence: ReviewCadence = { critical: 3, high: 6, medium: 12, low: 24 };
  const expected: Record<RiskTier, string> = {
    critical: '2026-06-15',
    high: '2026-09-15',
    medium: '2027-03-15',
    low: '2028-03-15',
  };

  it.each(Object.entries(expected))('a %s tier comes back after its cadence', (tier, date) => {
    expect(nextReviewDate(tier as RiskTier, cadence, '2026-03-15')).toBe(date);
  });

  it('follows the org cadence, not a fixed one', () => {
    expect(nextReviewDate('low', { ...cadence, low: 1 }, '2026-03-15')).toBe('2026-04-15');
  });

  it('clamps to the last day of a shorter month and crosses years', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-05-10', 0)).toBe('2026-05-10');
  });
});

describe('decisionRefusal', () => {
  const base: DecisionCheckInput = {
    outcome: 'approve',
    approverId: 'approver-1',
    reviewerIds: ['reviewer-1'],
    separateApproverFromReviewer: true,
    blockingFindings: [],
  };

  it('allows an approver who did not review, with nothing open', () => {
    expect(decisionRefusal(base)).toBeNull();
  });

  it('refuses the reviewer of the same assessment, for every outcome, while the setting is on', () => {
    for (const outcome of ['approve', 'approve_with_conditions', 'reject'] as const) {
      const refusal = decisionRefusal({ ...base, outcome, reviewerIds: ['reviewer-1', 'approver-1'] });
      expect(refusal).toMatch(/You reviewed this assessment; another approver must decide it/);
    }
  });

  it('lets the reviewer decide when the organisation turned separation of duties off', () => {
    expect(
      decisionRefusal({ ...base, reviewerIds: ['approver-1'], separateApproverFromReviewer: false }),
    ).toBeNull();
  });

  it('refuses approvals while a finding is open, naming it; rejection stays possible', () => {
    const findings = [{ id: 'f1', title: 'No incident process' }];
    expect(decisionRefusal({ ...base, blockingFindings: findings })).toBe(
      '1 finding is still open ("No incident process"): resolve it or accept the risk before approving',
    );
    expect(
      decisionRefusal({ ...base, outcome: 'approve_with_conditions', blockingFindings: findings }),
    ).toMatch(/still open/);
    expect(decisionRefusal({ ...base, outcome: 'reject', blockingFindings: findings })).toBeNull();
  });

  it('names at most three findings', () => {
    const findings = ['a', 'b', 'c', 'd'].map((t) => ({ id: t, title: t }));
    expect(decisionRefusal({ ...base, blockingFindings: findings })).toBe(
      '4 findings are still open ("a", "b", "c", …): resolve them or accept the risk before approving',
    );
  });
});

describe('decision input', () => {
  it('needs conditions for an approval with conditions, and only there', () => {
    const reason = 'Meets our requirements';
    expect(decisionInputSchema.safeParse({ outcome: 'approve_with_conditions', reason }).success).toBe(false);
    expect(
      decisionInputSchema.safeParse({ outcome: 'approve_with_conditions', reason, conditions: 'No PII' })
        .success,
    ).toBe(true);
    expect(decisionInputSchema.safeParse({ outcome: 'approve', reason, conditions: 'No PII' }).success).toBe(
      false,
    );
    expect(decisionInputSchema.safeParse({ outcome: 'reject', reason: '' }).success).toBe(false);
  });
});
