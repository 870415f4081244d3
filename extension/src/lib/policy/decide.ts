import type { PolicyState, RolloutMode } from '@sightline/shared/policy/policy-states';

/** What the extension does when a page of a service opens. */
export type Action = 'none' | 'banner' | 'warn' | 'block';

/**
 * The whole rule, per mode and state. Monitor only records. Coach shows a banner for conditional and
 * unreviewed services and the warning page (with "proceed once") for unapproved and blocked ones.
 * Enforce does the same but blocks blocked services outright (no proceeding). A live proceed-once
 * exception lifts the warning for that service.
 */
export function decideAction(mode: RolloutMode, state: PolicyState, exceptionActive: boolean): Action {
  if (mode === 'monitor') return 'none';
  switch (state) {
    case 'approved':
      return 'none';
    case 'conditional':
    case 'unreviewed':
      return 'banner';
    case 'unapproved':
      return exceptionActive ? 'none' : 'warn';
    case 'blocked':
      if (mode === 'enforce') return 'block';
      return exceptionActive ? 'none' : 'warn';
  }
}
