import { type MatchRule, matchRuleSchema } from '@sightline/shared/catalog/catalog-schema';
import { ruleKey } from '@sightline/shared/catalog/rule-key';

/** Rules as the editor shows them, one per line: `domain:example.com`, `path:github.com/copilot`, … */
export function rulesToLines(rules: readonly MatchRule[]): string {
  return rules.map(ruleKey).join('\n');
}

/** One editor line as a rule (not yet checked), or what is wrong with its shape. */
function lineToRule(line: string): MatchRule | string {
  const colon = line.indexOf(':');
  const kind = line.slice(0, colon);
  const value = line
    .slice(colon + 1)
    .trim()
    .toLowerCase();
  if (colon < 1 || !value) return 'write kind:value, e.g. domain:example.com';
  if (kind === 'path') {
    const slash = value.indexOf('/');
    if (slash < 1) return 'a path rule is host/path, e.g. path:github.com/copilot';
    return {
      kind: 'path',
      host: value.slice(0, slash),
      pathPrefix: line
        .slice(colon + 1)
        .trim()
        .slice(slash),
    };
  }
  if (kind === 'domain' || kind === 'host' || kind === 'api' || kind === 'api-suffix') return { kind, value };
  return `unknown kind "${kind}" (domain, host, path, api, api-suffix)`;
}

/**
 * Parses editor lines back into rules, each checked by the catalog's own rule schema, so a mistake is
 * named with its line before anything is sent. (The server checks the whole entry again.)
 */
export function linesToRules(text: string): { rules: MatchRule[]; errors: string[] } {
  const rules: MatchRule[] = [];
  const errors: string[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const parsed = lineToRule(line);
    const checked = typeof parsed === 'string' ? null : matchRuleSchema.safeParse(parsed);
    if (checked?.success) rules.push(checked.data);
    else errors.push(`Line ${index + 1}: ${checked?.error.issues[0]?.message ?? parsed}`);
  }
  return { rules, errors };
}
