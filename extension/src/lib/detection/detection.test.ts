import type { CatalogEntry } from '@sightline/shared/catalog/catalog-schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type BrowserApis, setBrowserApis } from '../adapters/browser-apis';
import { forgetCurrentCatalog } from '../catalog/current-catalog';
import { snapshot } from '../queue/event-queue';
import { local } from '../state/local-state';
import { API_CALL_WINDOW_MS, onApiRequest } from './api-calls';
import { firstInWindow, forgetTabMirror } from './dedupe';
import { scanExtensions } from './extensions';
import { onNavigation } from './navigation';
import { listenToCustomEntries } from './navigation-listeners';

function fakeApis(installed: { id: string; name: string; enabled: boolean }[] = []): BrowserApis {
  return {
    dnr: { getDynamicRules: vi.fn(async () => []), updateDynamicRules: vi.fn(async () => {}) },
    management: { getAll: vi.fn(async () => installed) },
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => []),
      registerContentScripts: vi.fn(async () => {}),
      unregisterContentScripts: vi.fn(async () => {}),
    },
  };
}

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  forgetTabMirror();
  forgetCurrentCatalog();
  setBrowserApis(fakeApis());
});
afterEach(() => setBrowserApis());

const events = async () => (await snapshot()).events;

describe('navigation', () => {
  it('records a visit for a catalog service in the main frame only, without the path or query', async () => {
    await onNavigation(
      { tabId: 1, frameId: 0, url: 'https://chatgpt.com/c/secret-chat?q=merger' },
      'navigation',
    );
    await onNavigation({ tabId: 1, frameId: 3, url: 'https://claude.ai/embed' }, 'navigation');
    const [visit, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(visit).toMatchObject({
      kind: 'visit',
      serviceId: 'openai-chatgpt',
      host: 'chatgpt.com',
      matchedRule: 'domain:chatgpt.com',
    });
    expect(JSON.stringify(visit)).not.toMatch(/secret|merger/);
  });

  it('counts every page load, a reload too, but the open-tab pass and a late navigation event only once', async () => {
    const now = Date.now();
    const load = (how: 'navigation' | 'open-tab', tabId: number, url: string, at: number) =>
      onNavigation({ tabId, frameId: 0, url }, how, at);
    await load('navigation', 4, 'https://claude.ai/new', now);
    await load('navigation', 4, 'https://claude.ai/new', now + 2_000);
    expect(await events()).toHaveLength(2);
    // The worker starts with the tab open on a page already counted: nothing new.
    await load('open-tab', 4, 'https://claude.ai/new', now + 5_000);
    expect(await events()).toHaveLength(2);
    // The open-tab pass counts a page first, then the navigation that woke the worker arrives.
    await load('open-tab', 5, 'https://claude.ai/chat/9', now + 6_000);
    await load('navigation', 5, 'https://claude.ai/chat/9', now + 6_500);
    expect(await events()).toHaveLength(3);
    // Long after, the same page loaded again is a new visit.
    await load('navigation', 5, 'https://claude.ai/chat/9', now + 60_000);
    expect(await events()).toHaveLength(4);
  });

  it('counts a navigation delivered to two listeners at once only once, and a reload again', async () => {
    // A custom service on an AI-looking host: the built-in listener's filter matches it too.
    const commit = (documentId: string | undefined, timeStamp: number) => ({
      tabId: 6,
      frameId: 0,
      url: 'https://claude.ai/new',
      ...(documentId ? { documentId } : {}),
      timeStamp,
    });
    const both = (details: ReturnType<typeof commit>) =>
      Promise.all([onNavigation(details, 'navigation'), onNavigation({ ...details }, 'navigation')]);
    await both(commit('doc-1', 1_000));
    expect(await events()).toHaveLength(1);
    await both(commit('doc-2', 9_000));
    expect(await events()).toHaveLength(2);
    // Firefox names no documents: the event's time stamp tells the copies apart from a reload.
    await both(commit(undefined, 15_000));
    await both(commit(undefined, 16_000));
    expect(await events()).toHaveLength(4);
  });

  it('counts a single-page-app route change only when it enters another service', async () => {
    const tabId = (await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' })).id!;
    const go = (url: string, how: 'navigation' | 'history') => onNavigation({ tabId, frameId: 0, url }, how);
    await go('https://chatgpt.com/', 'navigation');
    await go('https://chatgpt.com/c/1', 'history');
    await go('https://chatgpt.com/c/2', 'history');
    expect(await events()).toHaveLength(1);
    // The worker restarts: what the tab was on comes back from storage.session.
    forgetTabMirror();
    await go('https://chatgpt.com/c/3', 'history');
    expect(await events()).toHaveLength(1);
    await go('https://claude.ai/new', 'history');
    expect(await events()).toHaveLength(2);
  });

  it('forgets what closed tabs were on when the worker starts again', async () => {
    const kept = (await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' })).id!;
    // A tab the browser no longer has (the fake's tabs.remove is broken, so it is never opened).
    const closed = kept + 100;
    await onNavigation({ tabId: kept, frameId: 0, url: 'https://chatgpt.com/' }, 'navigation');
    await onNavigation({ tabId: closed, frameId: 0, url: 'https://claude.ai/' }, 'navigation');
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toContain(`tab:${closed}`);
    forgetTabMirror();
    await onNavigation({ tabId: kept, frameId: 0, url: 'https://chatgpt.com/c/1' }, 'history');
    const keys = Object.keys(await fakeBrowser.storage.session.get(null));
    expect(keys).toContain(`tab:${kept}`);
    expect(keys.filter((k) => k.endsWith(`:${closed}`))).toEqual([]);
  });

  it('records nothing for ordinary sites, and notes AI-looking unknown hosts as candidates (no event)', async () => {
    await onNavigation({ tabId: 3, frameId: 0, url: 'https://intranet.example/hr' }, 'navigation');
    await onNavigation({ tabId: 3, frameId: 0, url: 'https://brand-new-chatbot.ai/' }, 'navigation');
    expect(await events()).toEqual([]);
    expect(await local.candidatesPending.get()).toEqual([
      { host: 'brand-new-chatbot.ai', signals: ['ai-tld'] },
    ]);
    // Once a day per host.
    await onNavigation({ tabId: 3, frameId: 0, url: 'https://brand-new-chatbot.ai/other' }, 'navigation');
    expect(await local.candidatesPending.get()).toHaveLength(1);
  });
});

describe('AI API calls from other pages', () => {
  const call = (initiator: string, tabId = 7) => ({
    tabId,
    url: 'https://api.openai.com/v1/chat/completions?key=secret',
    type: 'xmlhttprequest',
    initiator,
  });

  it('records one api_call per page, host and window, with the initiator host', async () => {
    const now = Date.now();
    await onApiRequest(call('https://shop.example'), now);
    await onApiRequest(call('https://shop.example'), now + 1000);
    await onApiRequest(call('https://shop.example', 8), now + 1000);
    await onApiRequest(call('https://shop.example'), now + API_CALL_WINDOW_MS + 1);
    const calls = await events();
    expect(calls).toHaveLength(3);
    expect(calls[0]).toMatchObject({
      kind: 'api_call',
      serviceId: 'openai-platform',
      host: 'api.openai.com',
      initiatorHost: 'shop.example',
    });
    expect(JSON.stringify(calls)).not.toContain('secret');
  });

  it('keeps the dedupe window in storage.session, so a restarted worker does not count twice', async () => {
    const now = Date.now();
    await onApiRequest(call('https://crm.example'), now);
    const bucket = `dedupe:${API_CALL_WINDOW_MS}`;
    expect(Object.keys((await fakeBrowser.storage.session.get(bucket))[bucket] as object)).toHaveLength(1);
    await onApiRequest(call('https://crm.example'), now + 10);
    expect(await events()).toHaveLength(1);
  });

  it("ignores the AI service's own pages, extensions, main frames and non-AI hosts", async () => {
    await onApiRequest(call('https://chatgpt.com'));
    await onApiRequest({ ...call('https://shop.example'), initiator: undefined });
    await onApiRequest({ ...call('https://shop.example'), type: 'main_frame' });
    await onApiRequest({ ...call('https://shop.example'), url: 'https://cdn.example/lib.js' });
    expect(await events()).toEqual([]);
  });
});

describe('dedupe windows', () => {
  it('pruning for a short window never forgets a key of a longer one', async () => {
    const now = Date.now();
    expect(await firstInWindow('login|chatgpt|personal', 60 * 60_000, now)).toBe(true);
    expect(await firstInWindow('api|1|shop|api.openai.com', 1_000, now + 30 * 60_000)).toBe(true);
    expect(await firstInWindow('login|chatgpt|personal', 60 * 60_000, now + 31 * 60_000)).toBe(false);
  });
});

describe('installed AI extensions', () => {
  it('records each catalog extension once, through the management seam', async () => {
    setBrowserApis(
      fakeApis([
        { id: 'ejcfepkfckglbgocfkanmcdngdijcgld', name: 'ChatGPT', enabled: true },
        { id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', name: 'Unrelated', enabled: true },
      ]),
    );
    expect(await scanExtensions()).toBe(1);
    expect(await scanExtensions()).toBe(0);
    const [e] = await events();
    expect(e).toMatchObject({
      kind: 'extension_installed',
      serviceId: 'openai-chatgpt',
      host: 'ejcfepkfckglbgocfkanmcdngdijcgld',
      details: { extensionId: 'ejcfepkfckglbgocfkanmcdngdijcgld' },
    });
  });
});

describe("tabs already open on the org's custom services when the worker starts", () => {
  const customEntry: CatalogEntry = {
    id: 'acme-internal-llm',
    name: 'Acme LLM sandbox',
    vendor: 'Acme Labs',
    website: 'https://llm-sandbox.example.net/',
    category: 'conversational',
    rules: [{ kind: 'host', value: 'llm-sandbox.example.net' }],
  };

  beforeEach(async () => {
    await local.policy.set({
      doc: {
        orgName: 'Acme',
        mode: 'monitor',
        failMode: 'open',
        proceedOnceMinutes: 60,
        emailDomains: [],
        services: [],
        customEntries: [customEntry],
        requests: [],
        version: 1,
      },
      etag: '"p"',
      fetchedAt: new Date().toISOString(),
    });
  });

  it('records the visit the late listeners missed, once, however often the worker restarts', async () => {
    await fakeBrowser.tabs.create({ url: 'https://llm-sandbox.example.net/chat/42?q=secret' });
    await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
    await fakeBrowser.tabs.create({ url: 'https://intranet.example.org/' });
    await listenToCustomEntries(() => () => {});
    const [visit, ...rest] = await events();
    // Only the custom service: built-in ones have listeners from the worker's first turn.
    expect(rest).toEqual([]);
    expect(visit).toMatchObject({
      kind: 'visit',
      serviceId: 'acme-internal-llm',
      host: 'llm-sandbox.example.net',
    });
    expect(JSON.stringify(visit)).not.toMatch(/secret|chat\/42/);

    // The worker stops and starts again with the tab still open: nothing new.
    forgetTabMirror();
    forgetCurrentCatalog();
    await listenToCustomEntries(() => () => {});
    expect(await events()).toHaveLength(1);
  });

  it('counts a page once when its navigation event comes after the open-tab pass, however late', async () => {
    const url = 'https://llm-sandbox.example.net/chat/7';
    const tabId = (await fakeBrowser.tabs.create({ url })).id!;
    vi.spyOn(fakeBrowser.webNavigation, 'getFrame').mockResolvedValue({
      documentId: 'doc-7',
      url,
      parentFrameId: -1,
      errorOccurred: false,
    } as Awaited<ReturnType<typeof fakeBrowser.webNavigation.getFrame>>);
    const navigation = { tabId, frameId: 0, url, documentId: 'doc-7', timeStamp: Date.now() };
    // On a loaded machine the event that woke the worker is delivered while the pass runs...
    await Promise.all([listenToCustomEntries(() => () => {}), onNavigation(navigation, 'navigation')]);
    expect(await events()).toHaveLength(1);
    // ...or long after it; both listeners may deliver it.
    await onNavigation(navigation, 'navigation', Date.now() + 30_000);
    await onNavigation({ ...navigation }, 'navigation', Date.now() + 30_000);
    expect(await events()).toHaveLength(1);
    // A reload is another document: a visit.
    await onNavigation(
      { ...navigation, documentId: 'doc-8', timeStamp: navigation.timeStamp + 40_000 },
      'navigation',
    );
    expect(await events()).toHaveLength(2);
  });
});
