import { browser } from 'wxt/browser';
import { browserApis } from '../adapters/browser-apis';
import type { RuntimeCatalog } from '../catalog/catalog-runtime';
import { activeExceptionIds } from '../coaching/exceptions';
import type { EffectivePolicy } from '../policy/effective-policy';
import { buildRedirectRules, type RedirectRule } from './build-rules';

export function ruleTargets() {
  return {
    warnPage: browser.runtime.getURL('/warning.html'),
    blockPage: browser.runtime.getURL('/blocked.html'),
  };
}

/** Replaces the dynamic rules with the ones the policy calls for now (idempotent). */
export async function applyRedirectRules(
  catalog: RuntimeCatalog,
  policy: EffectivePolicy,
  now = Date.now(),
): Promise<RedirectRule[]> {
  const exceptions = await activeExceptionIds(now);
  const rules = buildRedirectRules(catalog.entries, policy, exceptions, ruleTargets());
  const dnr = browserApis().dnr;
  const existing = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules });
  return rules;
}
