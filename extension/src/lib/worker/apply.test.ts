import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type BrowserApis, setBrowserApis } from '../adapters/browser-apis';
import { grantException } from '../coaching/exceptions';
import { CONTENT_SCRIPT_ID } from '../content/register-scripts';
import type { RedirectRule } from '../dnr/build-rules';
import { local } from '../state/local-state';
import { applyPolicy } from './lifecycle';

let rules: RedirectRule[] = [];
let scripts: { id: string; matches?: string[] }[] = [];
const apis: BrowserApis = {
  dnr: {
    getDynamicRules: async () => rules,
    updateDynamicRules: vi.fn(async ({ removeRuleIds, addRules }) => {
      rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
    }),
  },
  management: { getAll: async () => [] },
  scripting: {
    getRegisteredContentScripts: async () => scripts,
    registerContentScripts: vi.fn(async (list) => {
      scripts = [...scripts, ...list];
    }),
    unregisterContentScripts: vi.fn(async ({ ids }) => {
      scripts = scripts.filter((s) => !ids.includes(s.id));
    }),
  },
};

const doc = (states: Record<string, PolicyDocument['services'][number]['state']>): PolicyDocument => ({
  orgName: 'Acme',
  mode: 'coach',
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
});

beforeEach(() => {
  fakeBrowser.reset();
  rules = [];
  scripts = [];
  setBrowserApis(apis);
});
afterEach(() => setBrowserApis());

describe('applying the policy to the browser', () => {
  it('replaces the redirect rules and registers the content script for catalog sites only', async () => {
    await local.policy.set({
      doc: doc({ perplexity: 'unapproved' }),
      etag: '"a"',
      fetchedAt: new Date().toISOString(),
    });
    await applyPolicy();
    expect(rules).toHaveLength(1);
    expect(rules[0]?.condition.requestDomains).toContain('perplexity.ai');
    expect(rules[0]?.action.redirect.regexSubstitution).toMatch(/warning\.html#\\0$/);
    const registered = scripts.find((s) => s.id === CONTENT_SCRIPT_ID)!;
    expect(registered.matches).toContain('*://*.chatgpt.com/*');
    expect(registered.matches).toContain('*://chatgpt.com/*');
    expect(registered.matches?.some((m) => m === '<all_urls>' || m.startsWith('*://*/'))).toBe(false);

    // Applying again is idempotent: same rules, the script is not registered twice.
    await applyPolicy();
    expect(rules).toHaveLength(1);
    expect(apis.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('a proceed-once exception lifts the redirect until it expires', async () => {
    await local.policy.set({
      doc: doc({ perplexity: 'unapproved' }),
      etag: null,
      fetchedAt: new Date().toISOString(),
    });
    await grantException('perplexity', 60);
    await applyPolicy();
    expect(rules).toEqual([]);
    const alarm = await fakeBrowser.alarms.get('exceptions');
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 59 * 60_000);
    const stored = (await fakeBrowser.storage.local.get('exceptions')).exceptions as Record<
      string,
      { expiresAt: number }
    >;
    expect(stored.perplexity?.expiresAt).toBeGreaterThan(Date.now());
  });
});
