import type { Alternative } from '@sightline/shared/extension-api/policy-document';
import type { RequestStanding } from '../requests/request-standing';

/** What the warning and block pages and the popup say about a request (all plain text, never markup). */
export type StandingText = {
  text: string;
  /** The approver's conditions, shown as their own paragraph. */
  conditions: string | null;
  /** "Use <label> instead" after a rejection (a link when the policy names a URL). */
  alternative: { label: string; url: string | null } | null;
  /** When the decision was made, e.g. "Decided on 03/12/2026." */
  decided: string | null;
  /** Still waiting for a decision: the pages add what happens next. */
  waiting: boolean;
  /** "Send another request" makes sense (not after an approval). */
  canAskAgain: boolean;
};

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export function describeStanding(
  standing: RequestStanding,
  /** The service's approved alternative from the policy, offered after a rejection. */
  alternative: Pick<Alternative, 'name' | 'url'> | null,
  formatDate: (iso: string) => string = (iso) => new Date(iso).toLocaleDateString(),
): StandingText {
  const base = { conditions: null, alternative: null, decided: null, waiting: false, canAskAgain: true };
  const decided =
    'decidedAt' in standing && standing.decidedAt ? `Decided on ${formatDate(standing.decidedAt)}.` : null;
  switch (standing.kind) {
    case 'asked':
      return { ...base, text: `You asked for access on ${formatDate(standing.requestedAt)}.`, waiting: true };
    case 'in_assessment':
      return {
        ...base,
        text: `Your request is being assessed (you asked on ${formatDate(standing.requestedAt)}).`,
        waiting: true,
      };
    case 'approved':
      return {
        ...base,
        text: standing.conditions ? 'Approved with conditions:' : 'Your request was approved.',
        conditions: standing.conditions,
        decided,
        canAskAgain: false,
      };
    case 'rejected': {
      const label = alternative?.name ?? alternative?.url ?? null;
      return {
        ...base,
        text: standing.reason ? `Rejected: ${sentence(standing.reason)}` : 'Your request was rejected.',
        alternative: label ? { label, url: alternative?.url ?? null } : null,
        decided,
      };
    }
    case 'withdrawn':
      return {
        ...base,
        text: `Your request of ${formatDate(standing.requestedAt)} was withdrawn.`,
        decided,
      };
  }
}
