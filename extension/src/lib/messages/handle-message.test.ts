import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { PortalClient } from '../portal/portal-client';
import { local } from '../state/local-state';
import { resetToEnrolledBrowser } from '../testing/enrolled-browser';
import { listenForMessages } from './handle-message';
import { sendMessage } from './protocol';
import type { Sender } from './sender';

// The fake browser has no callback-style runtime messaging, which @webext-core/messaging uses: this bus
// delivers a message to the worker's listener as Chromium does, JSON-copied, from a chosen sender.
type Listener = (message: unknown, sender: Sender, respond: (reply: unknown) => void) => boolean | undefined;
const listeners: Listener[] = [];
let sender: Sender = {};
const copy = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
vi.stubGlobal('chrome', {
  ...fakeBrowser,
  runtime: {
    ...fakeBrowser.runtime,
    lastError: undefined,
    onMessage: {
      addListener: (listener: Listener) => listeners.push(listener),
      removeListener: () => undefined,
    },
    sendMessage: (message: unknown, respond: (reply: unknown) => void) => {
      for (const listener of listeners)
        if (listener(copy(message), sender, (reply) => respond(copy(reply)))) return;
      respond(undefined);
    },
  },
});

const extensionPage: Sender = {
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
};
const claudeTab: Sender = {
  id: fakeBrowser.runtime.id,
  url: 'https://claude.ai/new',
  tab: { id: 7, url: 'https://claude.ai/new' },
};
const otherExtension: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

const sendEvents = vi.fn(async () => ({ ok: true, value: { stored: 0, duplicates: 0 } }) as const);
const client = { events: sendEvents } as unknown as PortalClient;

beforeAll(() => listenForMessages(client));
beforeEach(async () => {
  await resetToEnrolledBrowser();
  sender = extensionPage;
});

describe('runtime messages, typed both ways', () => {
  it("the popup's status request gets the worker's status", async () => {
    const status = await sendMessage('status', {});
    expect(status.enrollment).toMatchObject({ state: 'enrolled', portalUrl: 'http://portal.test' });
    expect(status.queue.waiting).toBe(0);
  });

  it("'Send now' gets the flush's outcome", async () => {
    expect(await sendMessage('flush-now')).toEqual({ status: 'sent', sent: 0, remaining: 0 });
    expect(sendEvents).not.toHaveBeenCalled();
  });

  it('a content script learns about its own page, whatever URL its message names', async () => {
    sender = claudeTab;
    expect(await sendMessage('page-status', { url: 'https://chatgpt.com/' })).toMatchObject({
      serviceId: 'anthropic-claude',
    });
  });
});

describe('refusals reject the sender and change nothing', () => {
  it('a content script may not use what only extension pages may', async () => {
    sender = claudeTab;
    await expect(sendMessage('flush-now')).rejects.toThrow('flush-now is for extension pages');
    await expect(
      sendMessage('enroll', { portalUrl: 'https://evil.example', enrollmentToken: 'x'.repeat(43) }),
    ).rejects.toThrow('enroll is for extension pages');
    expect((await local.enrollment.get())?.portalUrl).toBe('http://portal.test');
  });

  it('an extension page may not pose as a content script, nor may another extension', async () => {
    await expect(sendMessage('banner-shown', { serviceId: 'anthropic-claude' })).rejects.toThrow(
      'banner-shown is for content scripts',
    );
    sender = otherExtension;
    await expect(sendMessage('status', {})).rejects.toThrow('status is for extension pages');
    expect(await local.bannerShown.get()).toEqual({});
  });

  it('data that does not fit its type is refused', async () => {
    await expect(
      sendMessage('proceed-once', {
        serviceId: 'perplexity',
        url: 'https://www.perplexity.ai/',
        justification: 'x',
      }),
    ).rejects.toThrow('malformed proceed-once message');
    expect(await local.exceptions.get()).toEqual({});
  });
});
