import { describe, expect, it } from 'vitest';
import { builtInCatalog } from './catalog';
import type { CatalogEntry } from './catalog-schema';
import { classifyHost, classifyUrl } from './classify-url';
import { compileCatalog } from './compile-catalog';

const entry = (overrides: Partial<CatalogEntry>): CatalogEntry => ({
  id: 'acme',
  name: 'Acme AI',
  vendor: 'Acme',
  website: 'https://acme.example',
  category: 'other',
  rules: [{ kind: 'domain', value: 'acme.example' }],
  ...overrides,
});

describe('compileCatalog', () => {
  it('counts services and rules', () => {
    const compiled = compileCatalog(builtInCatalog);
    expect(compiled.services.size).toBe(builtInCatalog.length);
    expect(compiled.ruleCount).toBe(builtInCatalog.reduce((sum, e) => sum + e.rules.length, 0));
  });

  it('adds org entries and lets one with a built-in id replace the built-in', () => {
    const custom = [
      entry({ id: 'acme', rules: [{ kind: 'host', value: 'ai.acme.example' }] }),
      entry({
        id: 'openai-chatgpt',
        name: 'ChatGPT Enterprise (Acme tenant)',
        rules: [{ kind: 'domain', value: 'chatgpt.com' }],
      }),
    ];
    const compiled = compileCatalog(builtInCatalog, custom);
    expect(classifyUrl(compiled, 'https://ai.acme.example/').serviceId).toBe('acme');
    expect(classifyUrl(compiled, 'https://chatgpt.com/').serviceName).toBe(
      'ChatGPT Enterprise (Acme tenant)',
    );
    // The replaced built-in's other rules are gone with it.
    expect(classifyUrl(compiled, 'https://chat.openai.com/').serviceId).toBeNull();
    expect(compiled.services.size).toBe(builtInCatalog.length + 1);
  });

  it('lets an org rule win over a built-in rule on the same host', () => {
    const custom = [entry({ id: 'acme-claude-proxy', rules: [{ kind: 'host', value: 'claude.ai' }] })];
    const compiled = compileCatalog(builtInCatalog, custom);
    expect(classifyUrl(compiled, 'https://claude.ai/').serviceId).toBe('acme-claude-proxy');
    expect(classifyUrl(compiled, 'https://www.claude.ai/').serviceId).toBe('anthropic-claude');
  });

  it('prefers a host rule to a domain rule on the same key, whatever the order', () => {
    const rules: CatalogEntry[] = [
      entry({ id: 'by-host', rules: [{ kind: 'host', value: 'x.acme.example' }] }),
      entry({ id: 'by-domain', rules: [{ kind: 'domain', value: 'x.acme.example' }] }),
    ];
    for (const order of [rules, [...rules].reverse()]) {
      const compiled = compileCatalog([], order);
      expect(classifyUrl(compiled, 'https://x.acme.example/').serviceId).toBe('by-host');
      expect(classifyUrl(compiled, 'https://y.x.acme.example/').serviceId).toBe('by-domain');
    }
  });

  it('tries the longest path prefix first', () => {
    const compiled = compileCatalog([
      entry({ id: 'short', rules: [{ kind: 'path', host: 'suite.example', pathPrefix: '/ai' }] }),
      entry({ id: 'long', rules: [{ kind: 'path', host: 'suite.example', pathPrefix: '/ai/images' }] }),
    ]);
    expect(classifyUrl(compiled, 'https://suite.example/ai/images/new').serviceId).toBe('long');
    expect(classifyUrl(compiled, 'https://suite.example/ai/text').serviceId).toBe('short');
    expect(classifyUrl(compiled, 'https://suite.example/').serviceId).toBeNull();
  });

  it('keeps API suffixes to proper subdomains and out of site matching for sub-resources', () => {
    const compiled = compileCatalog([
      entry({ id: 'gw', rules: [{ kind: 'api-suffix', value: 'gw.acme.example' }] }),
    ]);
    expect(classifyHost(compiled, 'eu.gw.acme.example').serviceId).toBe('gw');
    expect(classifyHost(compiled, 'gw.acme.example').serviceId).toBeNull();
  });

  it('normalises hand-written org values', () => {
    const compiled = compileCatalog([], [entry({ rules: [{ kind: 'domain', value: 'Acme.Example.' }] })]);
    expect(classifyUrl(compiled, 'https://www.acme.example/').serviceId).toBe('acme');
  });

  it('indexes browser extension ids', () => {
    const compiled = compileCatalog(builtInCatalog);
    expect(compiled.extensions.get('kbfnbcaeplbcioakkpcpgfkobkghlhen')?.id).toBe('grammarly');
  });
});
