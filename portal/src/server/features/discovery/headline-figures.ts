import type { PolicyState } from '@sightline/shared/policy/policy-states';
import type { ServiceCounters } from './usage-queries';

/** Policy states whose use nobody has signed off: the share a CISO watches shrink. */
export const unsanctionedStates: readonly PolicyState[] = ['unapproved', 'unreviewed'];

export type HeadlineFigures = {
  servicesInUse: number;
  people: number;
  browsers: number;
  /** Visits to services whose current policy is unapproved or unreviewed, over all visits; null with no visits. */
  unsanctionedShare: number | null;
  /**
   * Sign-ins seen with a personal account over all sign-ins seen. The extension records a sign-in
   * (a `login` event) at most once per service, account kind and hour on each browser, telling work
   * from personal accounts by the org's email domains; `personal_account_events` counts the personal
   * ones. Null when no sign-in was seen.
   */
  personalShare: number | null;
  pastes: number;
  uploads: number;
};

/**
 * The dashboard's headline figures from per-service usage and the distinct counts. The policy state is
 * today's, also for the previous period: the figure answers "how much use went to what we have not
 * approved", judged by what we decided since.
 */
export function headlineFigures(
  perService: readonly ServiceCounters[],
  distinct: { people: number; browsers: number },
  stateOf: (serviceId: string) => PolicyState,
): HeadlineFigures {
  let visits = 0;
  let unsanctioned = 0;
  let logins = 0;
  let personal = 0;
  let pastes = 0;
  let uploads = 0;
  for (const s of perService) {
    visits += s.visits;
    if (unsanctionedStates.includes(stateOf(s.serviceId))) unsanctioned += s.visits;
    logins += s.logins;
    personal += s.personalAccountEvents;
    pastes += s.pastes;
    uploads += s.uploads;
  }
  return {
    servicesInUse: perService.length,
    people: distinct.people,
    browsers: distinct.browsers,
    unsanctionedShare: visits > 0 ? unsanctioned / visits : null,
    personalShare: logins > 0 ? Math.min(1, personal / logins) : null,
    pastes,
    uploads,
  };
}
