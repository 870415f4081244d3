import type { MatchRule } from './catalog-schema';

/**
 * The rule as one string (`domain:chatgpt.com`, `path:github.com/copilot`, `api:api.openai.com`):
 * reported as `matchedRule` and used to find two services claiming the same thing.
 */
export function ruleKey(rule: MatchRule): string {
  return rule.kind === 'path' ? `path:${rule.host}${rule.pathPrefix}` : `${rule.kind}:${rule.value}`;
}
