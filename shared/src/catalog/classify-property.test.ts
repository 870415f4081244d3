import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from './catalog';
import { classifyUrl } from './classify-url';
import { compileCatalog } from './compile-catalog';

const compiled = compileCatalog(builtInCatalog);

const domainRules = builtInCatalog.flatMap((entry) =>
  entry.rules.flatMap((rule) => (rule.kind === 'domain' ? [{ host: rule.value, id: entry.id }] : [])),
);

// An oracle written independently of the classifier: does any catalog rule cover this host?
const exactValues = new Set<string>();
const suffixValues: string[] = [];
for (const entry of builtInCatalog) {
  for (const rule of entry.rules) {
    const value = rule.kind === 'path' ? rule.host : rule.value;
    exactValues.add(value);
    if (rule.kind === 'domain' || rule.kind === 'api-suffix') suffixValues.push(value);
  }
}
const coveredByAnyRule = (host: string) =>
  exactValues.has(host) || suffixValues.some((value) => host.endsWith(`.${value}`));

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?$/);
const domainRule = fc.constantFrom(...domainRules);

describe('classifyUrl properties', () => {
  it('maps any subdomain x.h of a domain rule h to the same service', () => {
    fc.assert(
      fc.property(domainRule, label, ({ host, id }, x) => {
        const sub = `${x}.${host}`;
        fc.pre(!exactValues.has(sub));
        const result = classifyUrl(compiled, `https://${sub}/some/path?q=1`);
        expect(result.serviceId).toBe(id);
        expect(result.matchedRule).toBe(`domain:${host}`);
        expect(classifyUrl(compiled, `https://${sub.toUpperCase()}:8443/`).serviceId).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not map xh (no dot) or h.x (h as a prefix) to anything', () => {
    fc.assert(
      fc.property(domainRule, label, ({ host }, x) => {
        const glued = `${x}${host}`;
        const extended = `${host}.${x}`;
        fc.pre(!coveredByAnyRule(glued) && !coveredByAnyRule(extended) && !/^[0-9-]+$/.test(x));
        expect(classifyUrl(compiled, `https://${glued}/`).serviceId).toBeNull();
        expect(classifyUrl(compiled, `https://${extended}/`).serviceId).toBeNull();
        expect(classifyUrl(compiled, `https://${host}@${x}.example/`).serviceId).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the oracle on random hosts', () => {
    const host = fc
      .array(label, { minLength: 1, maxLength: 4 })
      .chain((labels) => fc.constantFrom(...domainRules).map(({ host: h }) => [labels.join('.'), h] as const))
      .map(([prefix, h]) => (prefix.length % 3 === 0 ? `${prefix}.${h}` : `${prefix}.example`));
    fc.assert(
      fc.property(host, (h) => {
        fc.pre(!/(^|\.)[0-9]+$/.test(h));
        const matched = classifyUrl(compiled, `https://${h}/`).serviceId !== null;
        expect(matched).toBe(coveredByAnyRule(h));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings or URLs', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.webUrl()), (input) => {
        const result = classifyUrl(compiled, input);
        expect(typeof result.serviceId === 'string' || result.serviceId === null).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
