import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeEvent } from '../events/make-event';

const policyDoc: PolicyDocument = {
  orgName: 'Acme',
  mode: 'enforce',
  failMode: 'closed',
  proceedOnceMinutes: 30,
  emailDomains: ['acme.example'],
  services: [{ serviceId: 'perplexity', state: 'blocked', conditions: null, alternative: null }],
  customEntries: [],
  requests: [],
  version: 7,
};
const visit = () =>
  makeEvent({
    kind: 'visit',
    serviceId: 'openai-chatgpt',
    host: 'chatgpt.com',
    matchedRule: 'domain:chatgpt.com',
  })!;
const queued = [visit(), visit(), visit()];
const enrollment = {
  portalUrl: 'https://sightline.acme.example',
  deviceId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  credential: 'k'.repeat(43),
  enrolledAt: '2026-02-01T08:00:00.000Z',
  source: 'managed',
};
const pendingRequest = {
  request: {
    clientRequestId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    serviceId: 'perplexity',
    justification: 'Market research for the Q3 plan',
    intendedUse: 'Summaries of public reports',
    dataCategories: ['public'],
  },
  host: 'www.perplexity.ai',
  queuedAt: '2026-03-01T10:00:00.000Z',
};
const inAnHour = Date.now() + 60 * 60_000;

/**
 * storage.local as builds before versioning left it (the layout of local-state.ts before this change):
 * no `<key>$` version entries, the justification kept with each exception, and the keys tests used to
 * drive the worker.
 */
const unversionedLayout = {
  enrollment,
  enrollError: { at: '2026-02-01T08:00:00.000Z', ok: true },
  optionsConfig: { userHint: 'ada@acme.example' },
  managedConfig: { portalUrl: 'https://sightline.acme.example', enrollmentToken: 't'.repeat(43) },
  policy: { doc: policyDoc, etag: '"v7"', fetchedAt: '2026-03-01T09:00:00.000Z' },
  policySync: { at: '2026-03-01T09:00:00.000Z', ok: true },
  queue: queued,
  dropped: 4,
  flushState: { failures: 2, nextAttemptAt: inAnHour, lastError: 'HTTP 503' },
  exceptions: {
    'openai-chatgpt': { expiresAt: inAnHour, justification: 'Client sent a link', grantedAt: 1 },
  },
  bannerShown: { 'anthropic-claude': '2026-03-01' },
  bannerDismissed: { 'anthropic-claude': '2026-03-01' },
  reportedExtensions: ['abcdefghijklmnopabcdefghijklmnop'],
  pendingRequests: [pendingRequest],
  requestsMade: { perplexity: '2026-03-01T10:00:00.000Z' },
  candidatesPending: [{ host: 'new-chatbot.ai', signals: ['ai-tld'] }],
  candidatesSeen: { 'new-chatbot.ai': '2026-03-01' },
  flushRequest: 1_772_000_000_000,
  syncRequest: 1_772_000_000_000,
  policyAppliedAt: '2026-03-01T09:00:01.000Z',
};

/** The state module as a worker starting the new build loads it: its items migrate when defined. */
async function startNewBuild() {
  vi.resetModules();
  return import('./local-state');
}

beforeEach(() => fakeBrowser.reset());

describe('upgrading from the unversioned layout', () => {
  it('keeps the queued events, the device credential and the policy cache, and records the version', async () => {
    await fakeBrowser.storage.local.set(structuredClone(unversionedLayout));
    const { local, LAYOUT_VERSION } = await startNewBuild();

    expect(await local.queue.get()).toEqual(queued);
    expect(await local.dropped.get()).toBe(4);
    expect(await local.enrollment.get()).toEqual(enrollment);
    expect(await local.policy.get()).toEqual(unversionedLayout.policy);
    expect(await local.pendingRequests.get()).toEqual([pendingRequest]);
    expect(await local.flushState.get()).toEqual(unversionedLayout.flushState);
    expect(await local.managedConfig.get()).toEqual(unversionedLayout.managedConfig);
    expect(await local.candidatesPending.get()).toEqual(unversionedLayout.candidatesPending);

    const raw = await fakeBrowser.storage.local.get(null);
    for (const key of ['queue', 'enrollment', 'policy', 'exceptions', 'pendingRequests'])
      expect(raw[`${key}$`], key).toEqual({ v: LAYOUT_VERSION });
  });

  it('drops the proceed-once justification and keeps the exception running', async () => {
    await fakeBrowser.storage.local.set(structuredClone(unversionedLayout));
    const { local } = await startNewBuild();

    expect(await local.exceptions.get()).toEqual({ 'openai-chatgpt': { expiresAt: inAnHour, grantedAt: 1 } });
    const raw = await fakeBrowser.storage.local.get('exceptions');
    expect(JSON.stringify(raw)).not.toContain('Client sent a link');
  });

  it('removes the keys nothing reads any more, and only those', async () => {
    await fakeBrowser.storage.local.set(structuredClone(unversionedLayout));
    const { local, removeRetiredKeys, RETIRED_KEYS } = await startNewBuild();
    await local.queue.get();
    await removeRetiredKeys();

    const keys = Object.keys(await fakeBrowser.storage.local.get(null));
    for (const retired of RETIRED_KEYS) expect(keys).not.toContain(retired);
    for (const kept of Object.keys(unversionedLayout).filter(
      (k) => !(RETIRED_KEYS as readonly string[]).includes(k),
    ))
      expect(keys).toContain(kept);
  });

  it('a second start migrates nothing again', async () => {
    await fakeBrowser.storage.local.set(structuredClone(unversionedLayout));
    await (await startNewBuild()).local.exceptions.get();
    const { local } = await startNewBuild();
    expect(await local.queue.get()).toEqual(queued);
    expect(await local.exceptions.get()).toEqual({ 'openai-chatgpt': { expiresAt: inAnHour, grantedAt: 1 } });
  });
});

describe('reading a damaged value', () => {
  it('falls back to the default instead of crashing', async () => {
    const { local } = await startNewBuild();
    await fakeBrowser.storage.local.set({
      enrollment: { deviceId: 42 },
      flushState: 'not an object',
      policy: { doc: { orgName: 'Acme' }, etag: null, fetchedAt: 'x' },
      exceptions: [1, 2, 3],
      dropped: -5,
    });
    expect(await local.enrollment.get()).toBeNull();
    expect(await local.flushState.get()).toEqual({ failures: 0, nextAttemptAt: 0 });
    expect(await local.policy.get()).toBeNull();
    expect(await local.exceptions.get()).toEqual({});
    expect(await local.dropped.get()).toBe(0);
  });

  it('keeps the good entries of a list: one bad event does not cost the queue', async () => {
    const { local } = await startNewBuild();
    await fakeBrowser.storage.local.set({ queue: [queued[0], { id: 'not an event' }, queued[1], null] });
    expect(await local.queue.get()).toEqual([queued[0], queued[1]]);
  });

  it('hands out a fresh default each time, so changing one read cannot change the next', async () => {
    const { local } = await startNewBuild();
    const first = await local.candidatesPending.get();
    first.push({ host: 'x.ai', signals: ['ai-tld'] });
    expect(await local.candidatesPending.get()).toEqual([]);
  });
});
