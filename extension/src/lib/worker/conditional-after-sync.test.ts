import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BrowserApis, setBrowserApis } from '../adapters/browser-apis';
import type { RedirectRule } from '../dnr/build-rules';
import { handleContentMessage } from '../messages/content-messages';
import { createPortalClient } from '../portal/portal-client';
import { resetToEnrolledBrowser } from '../testing/enrolled-browser';
import { periodicSync } from './lifecycle';

let rules: RedirectRule[] = [];
const apis: BrowserApis = {
  dnr: {
    getDynamicRules: async () => rules,
    updateDynamicRules: async ({ removeRuleIds, addRules }) => {
      rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
    },
  },
  management: { getAll: async () => [] },
  scripting: {
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => {},
    unregisterContentScripts: async () => {},
  },
};

/** The portal's policy endpoint as the extension sees it: whatever the admin set last, with an ETag. */
let served: PolicyDocument;
const portal = createPortalClient(
  vi.fn(async () => new Response(JSON.stringify(served), { headers: { etag: `"v${served.version}"` } })),
);

const perplexity = (
  state: PolicyDocument['services'][number]['state'],
  conditions: string | null,
  version: number,
): PolicyDocument => ({
  orgName: 'Acme',
  mode: 'coach',
  failMode: 'open',
  proceedOnceMinutes: 60,
  emailDomains: [],
  services: [{ serviceId: 'perplexity', state, conditions, alternative: null }],
  customEntries: [],
  requests: [],
  version,
});

const redirected = (host: string) => rules.some((r) => r.condition.requestDomains?.includes(host));

beforeEach(async () => {
  await resetToEnrolledBrowser();
  rules = [];
  setBrowserApis(apis);
});
afterEach(() => setBrowserApis());

describe('a service that becomes conditional after a policy sync', () => {
  it('is no longer redirected to the warning page; its pages get the conditions banner instead', async () => {
    served = perplexity('unapproved', null, 1);
    await periodicSync(portal);
    expect(redirected('perplexity.ai')).toBe(true);

    served = perplexity('conditional', 'Public sources only.', 2);
    await periodicSync(portal);
    expect(redirected('perplexity.ai')).toBe(false);
    expect(rules).toEqual([]);
    const url = 'https://www.perplexity.ai/search';
    expect(await handleContentMessage('page-status', { url }, url)).toMatchObject({
      state: 'conditional',
      conditions: 'Public sources only.',
      showBanner: true,
    });
  });
});
