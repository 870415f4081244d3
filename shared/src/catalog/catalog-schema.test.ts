import { describe, expect, it } from 'vitest';
import {
  type CatalogEntry,
  catalogEntriesSchema,
  catalogEntrySchema,
  matchRuleSchema,
} from './catalog-schema';

const valid: CatalogEntry = {
  id: 'acme-assistant',
  name: 'Acme Assistant',
  vendor: 'Acme',
  website: 'https://acme.example',
  category: 'conversational',
  rules: [
    { kind: 'domain', value: 'acme-ai.example' },
    { kind: 'host', value: 'chat.acme.example' },
    { kind: 'path', host: 'www.acme.example', pathPrefix: '/ai' },
    { kind: 'api', value: 'api.acme.example' },
    { kind: 'api-suffix', value: 'inference.acme.example' },
  ],
  extensionIds: ['abcdefghijklmnopabcdefghijklmnop'],
};

describe('matchRuleSchema', () => {
  it.each([
    { kind: 'domain', value: 'chatgpt.com' },
    { kind: 'domain', value: 'hf.space' },
    { kind: 'host', value: 'xn--80ak6aa92e.com' },
    { kind: 'path', host: 'github.com', pathPrefix: '/copilot' },
    { kind: 'api-suffix', value: 'openai.azure.com' },
  ])('accepts $kind rule %#', (rule) => {
    expect(matchRuleSchema.safeParse(rule).success).toBe(true);
  });

  it.each([
    ['upper case', { kind: 'domain', value: 'ChatGPT.com' }],
    ['trailing dot', { kind: 'host', value: 'chatgpt.com.' }],
    ['unicode, not punycode', { kind: 'host', value: 'chаtgpt.com' }],
    ['single label', { kind: 'host', value: 'intranet' }],
    ['IPv4', { kind: 'api', value: '10.0.0.1' }],
    ['localhost', { kind: 'host', value: 'app.localhost' }],
    ['a public suffix', { kind: 'domain', value: 'co.uk' }],
    ['a shared platform', { kind: 'domain', value: 'googleapis.com' }],
    ['a shared platform as API suffix', { kind: 'api-suffix', value: 'amazonaws.com' }],
    ['all of Microsoft', { kind: 'domain', value: 'microsoft.com' }],
    ['a path without slash', { kind: 'path', host: 'canva.com', pathPrefix: 'ai' }],
    ['a path with a query', { kind: 'path', host: 'canva.com', pathPrefix: '/ai?x' }],
    ['a bare slash', { kind: 'path', host: 'canva.com', pathPrefix: '/' }],
    ['an unknown kind', { kind: 'regexp', value: 'chat.*' }],
  ])('rejects %s', (_label, rule) => {
    expect(matchRuleSchema.safeParse(rule).success).toBe(false);
  });
});

describe('catalogEntrySchema', () => {
  it('accepts a complete org entry', () => {
    expect(catalogEntrySchema.parse(valid)).toEqual(valid);
  });

  it('rejects bad ids, extension ids, empty rules and duplicate rules', () => {
    expect(catalogEntrySchema.safeParse({ ...valid, id: 'Acme Assistant' }).success).toBe(false);
    expect(catalogEntrySchema.safeParse({ ...valid, extensionIds: ['zzzz'] }).success).toBe(false);
    expect(catalogEntrySchema.safeParse({ ...valid, rules: [] }).success).toBe(false);
    expect(catalogEntrySchema.safeParse({ ...valid, category: 'chatbots' }).success).toBe(false);
    const twice = { ...valid, rules: [valid.rules[0], valid.rules[0]] };
    expect(catalogEntrySchema.safeParse(twice).success).toBe(false);
  });

  it('rejects a list with the same id twice', () => {
    expect(catalogEntriesSchema.safeParse([valid, valid]).success).toBe(false);
  });
});
