import type { PolicyDocument } from '@sightline/shared/extension-api/policy-document';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleContentMessage } from '../messages/content-messages';
import { local } from '../state/local-state';
import { dismissedToday, dismissForToday, localDayOf } from './conditions-dismissal';

// Local times, so the tests hold in any time zone the machine runs in.
const morning = new Date(2026, 2, 10, 9, 0).getTime();
const evening = new Date(2026, 2, 10, 23, 30).getTime();
const nextMorning = new Date(2026, 2, 11, 0, 5).getTime();

function policy(states: Record<string, PolicyDocument['services'][number]['state']>): PolicyDocument {
  return {
    orgName: 'Acme',
    mode: 'coach',
    failMode: 'open',
    proceedOnceMinutes: 60,
    emailDomains: [],
    services: Object.entries(states).map(([serviceId, state]) => ({
      serviceId,
      state,
      conditions: state === 'conditional' ? 'No customer data. Work account only.' : null,
      alternative: null,
    })),
    customEntries: [],
    requests: [],
    version: 1,
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.useRealTimers());

describe('hiding the conditions banner for the day', () => {
  it('lasts until the next local day, for that service only', async () => {
    expect(localDayOf(morning)).toBe('2026-03-10');
    await dismissForToday('anthropic-claude', morning);
    expect(await dismissedToday('anthropic-claude', evening)).toBe(true);
    expect(await dismissedToday('perplexity', evening)).toBe(false);
    expect(await dismissedToday('anthropic-claude', nextMorning)).toBe(false);
  });

  it("keeps only today's dismissals when a new one is stored", async () => {
    await dismissForToday('anthropic-claude', morning);
    await dismissForToday('perplexity', nextMorning);
    expect((await fakeBrowser.storage.local.get('bannerDismissed')).bannerDismissed).toEqual({
      perplexity: '2026-03-11',
    });
  });
});

describe('which pages get the banner', () => {
  const status = async (url: string) =>
    (await handleContentMessage('page-status', { url }, url)) as {
      showBanner?: boolean;
      conditions?: string | null;
    };
  const visit = async (url: string, serviceId: string) => {
    const shown = (await status(url)).showBanner === true;
    // What the content script does after showing it.
    if (shown) await handleContentMessage('banner-shown', { serviceId }, url);
    return shown;
  };

  it('a conditional service shows its conditions on every visit until hidden, then again the next day', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: morning });
    await local.policy.set({
      doc: policy({ 'anthropic-claude': 'conditional' }),
      etag: null,
      fetchedAt: new Date().toISOString(),
    });
    const claude = 'https://claude.ai/new';
    expect(await status(claude)).toMatchObject({
      showBanner: true,
      conditions: 'No customer data. Work account only.',
    });
    expect(await visit(claude, 'anthropic-claude')).toBe(true);
    expect(await visit(claude, 'anthropic-claude')).toBe(true);

    expect(await handleContentMessage('banner-dismissed', { serviceId: 'anthropic-claude' }, claude)).toEqual(
      { ok: true },
    );
    vi.setSystemTime(evening);
    expect(await visit(claude, 'anthropic-claude')).toBe(false);
    vi.setSystemTime(nextMorning);
    expect(await visit(claude, 'anthropic-claude')).toBe(true);
  });

  it('an unreviewed service keeps its once-a-day reminder, and cannot be "dismissed" by a page', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: morning });
    await local.policy.set({ doc: policy({}), etag: null, fetchedAt: new Date().toISOString() });
    const claude = 'https://claude.ai/new';
    expect(await visit(claude, 'anthropic-claude')).toBe(true);
    expect(await visit(claude, 'anthropic-claude')).toBe(false);
    expect(await handleContentMessage('banner-dismissed', { serviceId: 'anthropic-claude' }, claude)).toEqual(
      { ok: false },
    );
    expect(await dismissedToday('anthropic-claude')).toBe(false);
  });

  it("a page cannot hide another service's conditions", async () => {
    await local.policy.set({
      doc: policy({ 'anthropic-claude': 'conditional', perplexity: 'conditional' }),
      etag: null,
      fetchedAt: new Date().toISOString(),
    });
    await handleContentMessage('banner-dismissed', { serviceId: 'perplexity' }, 'https://claude.ai/new');
    expect(await dismissedToday('perplexity')).toBe(false);
    expect((await status('https://www.perplexity.ai/')).showBanner).toBe(true);
  });
});
