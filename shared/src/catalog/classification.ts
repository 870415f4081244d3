import type { ServiceCategory } from './categories';

/** How the URL matched: the service's own site, an AI feature path inside a larger site, or an API host. */
export type MatchKind = 'site' | 'path' | 'api';

export type NoMatchReason = 'not-http' | 'unparsable' | 'ip-or-localhost' | 'no-rule';

export type ServiceMatch = Readonly<{
  serviceId: string;
  serviceName: string;
  vendor: string;
  category: ServiceCategory;
  /** The rule that matched, e.g. `domain:chatgpt.com`, `path:github.com/copilot`, `api:api.openai.com`. */
  matchedRule: string;
  matchKind: MatchKind;
}>;

export type NoMatch = Readonly<{
  serviceId: null;
  serviceName: null;
  vendor: null;
  category: null;
  matchedRule: null;
  matchKind: null;
  reason: NoMatchReason;
}>;

export type Classification = ServiceMatch | NoMatch;

function noMatch(reason: NoMatchReason): NoMatch {
  return Object.freeze({
    serviceId: null,
    serviceName: null,
    vendor: null,
    category: null,
    matchedRule: null,
    matchKind: null,
    reason,
  });
}

// Shared frozen results: classifying allocates nothing beyond the URL parse itself.
export const noMatches: Readonly<Record<NoMatchReason, NoMatch>> = {
  'not-http': noMatch('not-http'),
  unparsable: noMatch('unparsable'),
  'ip-or-localhost': noMatch('ip-or-localhost'),
  'no-rule': noMatch('no-rule'),
};

export function isServiceMatch(result: Classification): result is ServiceMatch {
  return result.serviceId !== null;
}
