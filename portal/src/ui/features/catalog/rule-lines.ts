import type { MatchRule } from '@sightline/shared/catalog/catalog-schema';
import { ruleKey } from '@sightline/shared/catalog/rule-key';

/** Rules as the editor shows them, one per line: `domain:example.com`, `path:github.com/copilot`, … */
export function rulesToLines(rules: readonly MatchRule[]): string {
  return rules.map(ruleKey).join('\n');
}

/** Parses editor lines back into rules; the server validates hosts and conflicts. */
export function linesToRules(text: string): { rules: MatchRule[]; errors: string[] } {
  const rules: MatchRule[] = [];
  const errors: string[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const kind = line.slice(0, colon);
    const value = line
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    if (colon < 1 || !value) {
      errors.push(`Line ${index + 1}: write kind:value, e.g. domain:example.com`);
    } else if (kind === 'path') {
      const slash = value.indexOf('/');
      if (slash < 1) errors.push(`Line ${index + 1}: a path rule is host/path, e.g. path:github.com/copilot`);
      else
        rules.push({
          kind: 'path',
          host: value.slice(0, slash),
          pathPrefix: line
            .slice(colon + 1)
            .trim()
            .slice(slash),
        });
    } else if (kind === 'domain' || kind === 'host' || kind === 'api' || kind === 'api-suffix') {
      rules.push({ kind, value });
    } else {
      errors.push(`Line ${index + 1}: unknown kind "${kind}" (domain, host, path, api, api-suffix)`);
    }
  }
  return { rules, errors };
}
