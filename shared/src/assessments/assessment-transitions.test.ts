import { describe, expect, it } from 'vitest';
import { type AssessmentState, assessmentStates } from './assessment-states';
import { type AssessmentEvent, assessmentEvents, canTransition, transition } from './assessment-transitions';

// Written out by hand (not derived from the table under test): state → event → resulting state.
const allowed: Record<AssessmentState, Partial<Record<AssessmentEvent, AssessmentState>>> = {
  draft: { send: 'sent', revoke: 'revoked' },
  sent: { start: 'in_progress', submit: 'submitted', expire: 'expired', revoke: 'revoked' },
  in_progress: { submit: 'submitted', expire: 'expired', revoke: 'revoked' },
  submitted: { request_changes: 'changes_requested', start_review: 'under_review', revoke: 'revoked' },
  changes_requested: { submit: 'submitted', expire: 'expired', revoke: 'revoked' },
  under_review: { request_changes: 'changes_requested', decide: 'decided', revoke: 'revoked' },
  decided: {},
  expired: { send: 'sent' },
  revoked: {},
};

const cases = assessmentStates.flatMap((from) => assessmentEvents.map((event) => ({ from, event })));

describe('assessment state machine', () => {
  it.each(cases)('$from + $event', ({ from, event }) => {
    const expected = allowed[from][event];
    const result = transition(from, event);
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected });
      expect(canTransition(from, event)).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/cannot be/);
      expect(canTransition(from, event)).toBe(false);
    }
  });

  it('covers every state and event', () => {
    expect(cases).toHaveLength(assessmentStates.length * assessmentEvents.length);
  });

  it('has no way out of decided or revoked', () => {
    for (const event of assessmentEvents) {
      expect(canTransition('decided', event)).toBe(false);
      expect(canTransition('revoked', event)).toBe(false);
    }
  });
});
