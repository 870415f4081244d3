import { policyStates, rolloutModes } from '@sightline/shared/policy/policy-states';
import { describe, expect, it } from 'vitest';
import { decideAction } from './decide';

describe('policy decision per mode and state', () => {
  const table = {
    monitor: {
      approved: 'none',
      conditional: 'none',
      unreviewed: 'none',
      unapproved: 'none',
      blocked: 'none',
    },
    coach: {
      approved: 'none',
      conditional: 'banner',
      unreviewed: 'banner',
      unapproved: 'warn',
      blocked: 'warn',
    },
    enforce: {
      approved: 'none',
      conditional: 'banner',
      unreviewed: 'banner',
      unapproved: 'warn',
      blocked: 'block',
    },
  } as const;

  for (const mode of rolloutModes) {
    for (const state of policyStates) {
      it(`${mode} × ${state} → ${table[mode][state]}`, () => {
        expect(decideAction(mode, state, false)).toBe(table[mode][state]);
      });
    }
  }

  it('a proceed-once exception lifts a warning but never an enforced block', () => {
    expect(decideAction('coach', 'unapproved', true)).toBe('none');
    expect(decideAction('enforce', 'unapproved', true)).toBe('none');
    expect(decideAction('coach', 'blocked', true)).toBe('none');
    expect(decideAction('enforce', 'blocked', true)).toBe('block');
    expect(decideAction('coach', 'unreviewed', true)).toBe('banner');
  });
});
