import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../policy/effective-policy';
import { buildRedirectRules } from './build-rules';

const entries: CatalogEntry[] = [
  {
    id: 'chat-a',
    name: 'A',
    vendor: 'A',
    website: 'https://a.example',
    category: 'conversational',
    rules: [{ kind: 'domain', value: 'chat-a.example' }],
  },
  {
    id: 'chat-b',
    name: 'B',
    vendor: 'B',
    website: 'https://b.example',
    category: 'conversational',
    rules: [
      { kind: 'domain', value: 'chat-b.example' },
      { kind: 'api', value: 'api.chat-b.example' },
    ],
  },
  {
    id: 'b-dev',
    name: 'B dev',
    vendor: 'B',
    website: 'https://b.example',
    category: 'model-api',
    rules: [{ kind: 'host', value: 'dev.chat-b.example' }],
  },
  {
    id: 'notes-ai',
    name: 'Notes AI',
    vendor: 'N',
    website: 'https://notes.example',
    category: 'productivity',
    rules: [{ kind: 'path', host: 'notes.example', pathPrefix: '/ai' }],
  },
  {
    id: 'ok-ai',
    name: 'OK',
    vendor: 'O',
    website: 'https://ok.example',
    category: 'other',
    rules: [{ kind: 'host', value: 'ok.example' }],
  },
];
const targets = {
  warnPage: 'chrome-extension://id/warning.html',
  blockPage: 'chrome-extension://id/blocked.html',
};

function policy(
  mode: PolicyDocument['mode'],
  states: Record<string, PolicyDocument['services'][number]['state']>,
) {
  return effectivePolicy(
    {
      orgName: 'Acme',
      mode,
      failMode: 'open',
      proceedOnceMinutes: 60,
      emailDomains: [],
      services: Object.entries(states).map(([serviceId, state]) => ({
        serviceId,
        state,
        conditions: null,
        alternative: null,
      })),
      customEntries: [],
      requests: [],
      version: 1,
    },
    {},
  );
}

describe('declarativeNetRequest rules from the policy', () => {
  it('redirects unapproved services to the warning page and blocked ones to the block page in enforce mode', () => {
    const rules = buildRedirectRules(
      entries,
      policy('enforce', {
        'chat-a': 'unapproved',
        'chat-b': 'blocked',
        'b-dev': 'approved',
        'notes-ai': 'unapproved',
        'ok-ai': 'approved',
      }),
      new Set(),
      targets,
    );
    expect(rules.map((r) => r.id)).toEqual([1, 2, 3]);
    const [block, warn, path] = rules;
    expect(block).toMatchObject({
      action: { type: 'redirect', redirect: { regexSubstitution: 'chrome-extension://id/blocked.html#\\0' } },
      condition: {
        requestDomains: ['chat-b.example'],
        excludedRequestDomains: ['dev.chat-b.example'],
        resourceTypes: ['main_frame'],
      },
    });
    expect(warn?.condition.requestDomains).toEqual(['chat-a.example']);
    expect(warn?.action.redirect.regexSubstitution).toBe('chrome-extension://id/warning.html#\\0');
    const re = new RegExp(path!.condition.regexFilter);
    expect(re.test('https://notes.example/ai')).toBe(true);
    expect(re.test('https://notes.example:8443/ai/page?x=1')).toBe(true);
    expect(re.test('https://notes.example/aircraft')).toBe(false);
    expect(re.test('https://notes.example/docs')).toBe(false);
    expect(re.test('https://evil.example/notes.example/ai')).toBe(false);
  });

  it('coach mode warns (never blocks) blocked services; monitor mode has no rules at all', () => {
    const states = { 'chat-a': 'unapproved', 'chat-b': 'blocked' } as const;
    const coach = buildRedirectRules(entries, policy('coach', states), new Set(), targets);
    expect(coach).toHaveLength(1);
    expect(coach[0]?.condition.requestDomains).toEqual(['chat-a.example', 'chat-b.example']);
    expect(buildRedirectRules(entries, policy('monitor', states), new Set(), targets)).toEqual([]);
  });

  it('unreviewed, conditional and approved services are never redirected', () => {
    expect(
      buildRedirectRules(
        entries,
        policy('enforce', { 'chat-a': 'conditional', 'chat-b': 'approved' }),
        new Set(),
        targets,
      ),
    ).toEqual([]);
  });

  it('a proceed-once exception removes the redirect for that service only', () => {
    const rules = buildRedirectRules(
      entries,
      policy('coach', { 'chat-a': 'unapproved', 'chat-b': 'unapproved' }),
      new Set(['chat-a']),
      targets,
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]?.condition.requestDomains).toEqual(['chat-b.example']);
  });

  it('fail-closed with blocking and no policy blocks every catalog site', () => {
    const rules = buildRedirectRules(
      entries,
      effectivePolicy(undefined, { failMode: 'closed', failClosedAction: 'block' }),
      new Set(),
      targets,
    );
    expect(rules[0]?.action.redirect.regexSubstitution).toContain('blocked.html');
    expect(rules[0]?.condition.requestDomains).toEqual(['chat-a.example', 'chat-b.example']);
    expect(rules.slice(1).every((r) => r.action.redirect.regexSubstitution.includes('blocked.html'))).toBe(
      true,
    );
  });
});
