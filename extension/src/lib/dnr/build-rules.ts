import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { siteTargets } from '../catalog/site-patterns';
import { type Action, decideAction } from '../policy/decide';
import { type EffectivePolicy, serviceEntry } from '../policy/effective-policy';

/** The subset of a declarativeNetRequest rule this extension writes. */
export type RedirectRule = {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter: string;
    requestDomains?: string[];
    excludedRequestDomains?: string[];
    resourceTypes: ['main_frame'];
  };
};

export type RuleTargets = { warnPage: string; blockPage: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Redirect rules for every service the policy warns about or blocks, so the page is replaced before
 * it loads. The original URL rides in the extension page's fragment (`#\0`), never leaving the browser.
 * Whole domains share one rule per action (few regex rules, whatever the catalog size); exact hosts and
 * path rules get their own. Hosts of services that are not redirected are carved out of a parent
 * domain's rule.
 */
export function buildRedirectRules(
  entries: readonly CatalogEntry[],
  policy: EffectivePolicy,
  activeExceptions: ReadonlySet<string>,
  targets: RuleTargets,
): RedirectRule[] {
  const domains: Record<'warn' | 'block', Set<string>> = { warn: new Set(), block: new Set() };
  const exact: { action: 'warn' | 'block'; regex: string }[] = [];
  const untouchedHosts = new Set<string>();
  for (const entry of entries) {
    const action: Action = decideAction(
      policy.mode,
      serviceEntry(policy, entry.id).state,
      activeExceptions.has(entry.id),
    );
    for (const t of siteTargets(entry)) {
      if (action !== 'warn' && action !== 'block') {
        untouchedHosts.add(t.kind === 'domain' ? t.domain : t.host);
        continue;
      }
      if (t.kind === 'domain') domains[action].add(t.domain);
      else if (t.kind === 'host')
        exact.push({ action, regex: `^https?://${escapeRegex(t.host)}(:[0-9]+)?([/?#].*)?$` });
      else
        exact.push({
          action,
          regex: `^https?://${escapeRegex(t.host)}(:[0-9]+)?${escapeRegex(t.pathPrefix.replace(/\/$/, ''))}([/?#].*)?$`,
        });
    }
  }
  const page = (action: 'warn' | 'block') => (action === 'warn' ? targets.warnPage : targets.blockPage);
  const rules: RedirectRule[] = [];
  let id = 1;
  for (const action of ['block', 'warn'] as const) {
    const list = [...domains[action]].sort();
    if (list.length === 0) continue;
    const carved = [...untouchedHosts].filter((h) => list.some((d) => h !== d && h.endsWith(`.${d}`))).sort();
    rules.push({
      id: id++,
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${page(action)}#\\0` } },
      condition: {
        regexFilter: '^https?://.*$',
        requestDomains: list,
        ...(carved.length > 0 ? { excludedRequestDomains: carved } : {}),
        resourceTypes: ['main_frame'],
      },
    });
  }
  for (const rule of exact) {
    rules.push({
      id: id++,
      // Exact hosts and paths are more specific than whole domains.
      priority: 2,
      action: { type: 'redirect', redirect: { regexSubstitution: `${page(rule.action)}#\\0` } },
      condition: { regexFilter: rule.regex, resourceTypes: ['main_frame'] },
    });
  }
  return rules;
}
