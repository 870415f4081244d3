import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PortalClient } from '../portal/portal-client';
import { local } from '../state/local-state';
import { resetToEnrolledBrowser } from '../testing/enrolled-browser';
import { handlePageMessage } from './page-messages';

const doc: PolicyDocument = {
  orgName: 'Acme',
  mode: 'coach',
  failMode: 'open',
  proceedOnceMinutes: 60,
  emailDomains: [],
  services: [
    {
      serviceId: 'perplexity',
      state: 'unapproved',
      conditions: null,
      alternative: { serviceId: 'openai-chatgpt', name: 'ChatGPT', url: 'https://chatgpt.com/' },
    },
  ],
  customEntries: [],
  requests: [
    {
      requestId: '33333333-3333-4333-8333-333333333333',
      serviceId: 'perplexity',
      status: 'rejected',
      requestedAt: '2026-03-01T10:00:00.000Z',
      decidedAt: '2026-03-04T10:00:00.000Z',
      outcome: 'reject',
      conditions: null,
      note: 'Data leaves the EU',
    },
  ],
  version: 4,
};
const unused = {} as PortalClient;
const url = 'https://www.perplexity.ai/search?q=x';

beforeEach(async () => {
  await resetToEnrolledBrowser();
  await local.policy.set({ doc, etag: '"v4"', fetchedAt: new Date().toISOString() });
  // Asked from this browser before the decision.
  await local.requestsMade.set({ perplexity: '2026-03-01T09:59:59.000Z' });
});

describe("the portal's decision on this browser's request reaches the pages", () => {
  const rejected = {
    kind: 'rejected',
    requestedAt: '2026-03-01T10:00:00.000Z',
    decidedAt: '2026-03-04T10:00:00.000Z',
    reason: 'Data leaves the EU',
  };

  it('the warning page gets the rejection, with the alternative from the policy', async () => {
    expect(await handlePageMessage('service-info', { url }, unused)).toMatchObject({
      found: true,
      request: rejected,
      alternative: { name: 'ChatGPT', url: 'https://chatgpt.com/' },
    });
  });

  it("the popup gets it for the tab's site", async () => {
    const status = await handlePageMessage('status', { url }, unused);
    expect(status.site).toMatchObject({ serviceId: 'perplexity', request: rejected });
  });

  it('a service nobody asked about has no request to show', async () => {
    const claude = 'https://claude.ai/new';
    expect(await handlePageMessage('service-info', { url: claude }, unused)).toMatchObject({
      found: true,
      request: null,
    });
  });
});
