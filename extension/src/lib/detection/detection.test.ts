import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type BrowserApis, setBrowserApis } from '../adapters/browser-apis';
import { forgetCurrentCatalog } from '../catalog/current-catalog';
import { snapshot } from '../queue/event-queue';
import { getLocal } from '../state/local-state';
import { API_CALL_WINDOW_MS, onApiRequest } from './api-calls';
import { forgetTabMirror } from './dedupe';
import { scanExtensions } from './extensions';
import { onNavigation } from './navigation';

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
      'committed',
    );
    await onNavigation({ tabId: 1, frameId: 3, url: 'https://claude.ai/embed' }, 'committed');
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

  it('counts a single-page-app route change only when it enters another service', async () => {
    await onNavigation({ tabId: 2, frameId: 0, url: 'https://chatgpt.com/' }, 'committed');
    await onNavigation({ tabId: 2, frameId: 0, url: 'https://chatgpt.com/c/1' }, 'history');
    await onNavigation({ tabId: 2, frameId: 0, url: 'https://chatgpt.com/c/2' }, 'history');
    expect(await events()).toHaveLength(1);
    // The worker restarts: what the tab was on comes back from storage.session.
    forgetTabMirror();
    await onNavigation({ tabId: 2, frameId: 0, url: 'https://chatgpt.com/c/3' }, 'history');
    expect(await events()).toHaveLength(1);
    await onNavigation({ tabId: 2, frameId: 0, url: 'https://claude.ai/new' }, 'history');
    expect(await events()).toHaveLength(2);
  });

  it('records nothing for ordinary sites, and notes AI-looking unknown hosts as candidates (no event)', async () => {
    await onNavigation({ tabId: 3, frameId: 0, url: 'https://intranet.example/hr' }, 'committed');
    await onNavigation({ tabId: 3, frameId: 0, url: 'https://brand-new-chatbot.ai/' }, 'committed');
    expect(await events()).toEqual([]);
    expect(await getLocal('candidatesPending')).toEqual([
      { host: 'brand-new-chatbot.ai', signals: ['ai-tld'] },
    ]);
    // Once a day per host.
    await onNavigation({ tabId: 3, frameId: 0, url: 'https://brand-new-chatbot.ai/other' }, 'committed');
    expect(await getLocal('candidatesPending')).toHaveLength(1);
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
    expect(Object.keys((await fakeBrowser.storage.session.get('dedupe')).dedupe as object)).toHaveLength(1);
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
