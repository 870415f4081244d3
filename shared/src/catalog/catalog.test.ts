import { describe, expect, it } from 'vitest';
import { builtInCatalog } from './catalog';
import { catalogEntriesSchema } from './catalog-schema';
import { serviceCategories } from './categories';
import { ruleKey } from './rule-key';

describe('built-in catalog', () => {
  it('passes the schema entry by entry, with unique ids', () => {
    const parsed = catalogEntriesSchema.safeParse(builtInCatalog);
    const problems = parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const index = issue.path[0];
          const id = typeof index === 'number' ? builtInCatalog[index]?.id : undefined;
          return `${id ?? '?'} ${issue.path.join('.')}: ${issue.message}`;
        });
    expect(problems).toEqual([]);
  });

  it('describes at least 400 services and uses every category', () => {
    expect(builtInCatalog.length).toBeGreaterThanOrEqual(400);
    const used = new Set(builtInCatalog.map((entry) => entry.category));
    expect(serviceCategories.filter((category) => !used.has(category))).toEqual([]);
  });

  it('never lets two services claim the same rule', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of builtInCatalog) {
      for (const rule of entry.rules) {
        const key = ruleKey(rule);
        const owner = owners.get(key);
        if (owner !== undefined && owner !== entry.id) clashes.push(`${key}: ${owner} and ${entry.id}`);
        owners.set(key, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('never claims the same site host twice, even as host and domain', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of builtInCatalog) {
      for (const rule of entry.rules) {
        if (rule.kind !== 'domain' && rule.kind !== 'host') continue;
        const owner = owners.get(rule.value);
        if (owner !== undefined && owner !== entry.id)
          clashes.push(`${rule.value}: ${owner} and ${entry.id}`);
        owners.set(rule.value, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('covers services from outside the US', () => {
    const countries = new Set(builtInCatalog.map((entry) => entry.country));
    const nonUs = builtInCatalog.filter((entry) => entry.country !== undefined && entry.country !== 'US');
    expect(nonUs.length).toBeGreaterThanOrEqual(150);
    for (const country of ['CN', 'FR', 'DE', 'RU', 'KR', 'JP', 'IN', 'GB'])
      expect(countries).toContain(country);
  });

  it('gives each browser extension id to one service only', () => {
    const ids = builtInCatalog.flatMap((entry) => entry.extensionIds ?? []);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes no risk claims in names or vendors', () => {
    const claims = /\b(soc ?2|iso ?27001|hipaa|gdpr|no training|trains? on)\b/i;
    expect(builtInCatalog.filter((entry) => claims.test(`${entry.name} ${entry.vendor}`))).toEqual([]);
  });
});
