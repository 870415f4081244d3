import { expect, test } from '@playwright/test';
import { type EnrolledExtension, startEnrolledExtension } from '../support/enrolled-extension';
import {
  type ExtensionBrowser,
  launchWithExtension,
  readLocal,
  requestFlush,
  stopServiceWorker,
  syncPolicyNow,
  wakeWorker,
} from '../support/extension-browser';
import type { FakeSites } from '../support/extension-fake-sites';
import { type adminApi, waitForPortal } from '../support/extension-portal-api';
import type { RunningPortal } from '../support/portal-process';

let portal: RunningPortal;
let sites: FakeSites;
let browser: ExtensionBrowser;
let admin: Awaited<ReturnType<typeof adminApi>>;
let deviceId: string;
let running: EnrolledExtension;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  running = await startEnrolledExtension({
    prepare: async (a) => {
      await a.setPolicy('openai-chatgpt', { state: 'approved' });
    },
  });
  ({ portal, sites, browser, admin, deviceId } = running);
});

test.afterAll(async () => {
  await running?.stop();
});

const queuedIds = async () =>
  ((await readLocal<{ id: string }[]>(browser, 'queue')) ?? []).map((e) => e.id).sort();

const flushAlarmMinutes = async () =>
  (await wakeWorker(browser)).evaluate(
    async () => (await chrome.alarms.get('flush'))?.periodInMinutes ?? null,
  );

type Queued = { kind: string; serviceId: string };
type Makes = [kind: string, serviceId: string][];
const queuedCount = async ([kind, serviceId]: Makes[number]) =>
  ((await readLocal<Queued[]>(browser, 'queue')) ?? []).filter(
    (e) => e.kind === kind && e.serviceId === serviceId,
  ).length;

/**
 * Opens each page and waits until the extension has queued the events that page makes (a visit, a
 * login from the account menu the first time in a browser session, an API call), so no late event
 * lands after a test has taken its snapshot of the queue.
 */
async function browse(pages: [host: string, path: string, makes: Makes][]) {
  const page = await browser.context.newPage();
  for (const [host, path, makes] of pages) {
    const before = await Promise.all(makes.map(queuedCount));
    await page.goto(sites.url(host, path));
    for (const [i, made] of makes.entries()) {
      await expect.poll(() => queuedCount(made)).toBe((before[i] ?? 0) + 1);
    }
  }
  await page.close();
}
const chatgptVisit: Makes[number] = ['visit', 'openai-chatgpt'];
const chatgptLogin: Makes[number] = ['login', 'openai-chatgpt'];

test('events made while the portal is down survive a stopped worker and a browser restart, and are stored exactly once', async () => {
  test.setTimeout(120_000);
  await portal.pause();
  await browse([
    ['chatgpt.com', '/', [chatgptVisit, chatgptLogin]],
    ['chatgpt.com', '/c/1', [chatgptVisit]],
    [
      'claude.ai',
      '/new',
      [
        ['visit', 'anthropic-claude'],
        ['login', 'anthropic-claude'],
      ],
    ],
    ['shop.example', '/?api=api.openai.com', [['api_call', 'openai-platform']]],
  ]);
  await expect.poll(async () => (await queuedIds()).length).toBeGreaterThanOrEqual(4);
  const failed = await requestFlush(browser);
  expect(failed.status).toBe('failed');
  const flushState = await readLocal<{ failures: number; nextAttemptAt: number }>(browser, 'flushState');
  expect(flushState?.failures).toBe(1);
  // Backoff with jitter: the next automatic attempt is 15–30 s away.
  expect(flushState!.nextAttemptAt - Date.now()).toBeGreaterThan(10_000);
  // The flush alarm runs while something waits.
  expect(await flushAlarmMinutes()).toBe(0.5);
  const before = await queuedIds();

  // The browser stops idle workers: nothing in memory may matter.
  const page = await browser.context.newPage();
  await stopServiceWorker(browser, page);
  await page.close();
  expect(await queuedIds()).toEqual(before);

  // Browser restart with the same profile.
  await browser.close();
  browser = await launchWithExtension(running.profile, sites.resolverRules);
  running.browser = browser;
  expect(await queuedIds()).toEqual(before);
  // The login marks of the last session went with it (they live in session storage).
  await browse([['chatgpt.com', '/c/2', [chatgptVisit, chatgptLogin]]]);
  await expect.poll(async () => (await queuedIds()).length).toBeGreaterThan(before.length);
  const all = await queuedIds();
  expect(all).toEqual(expect.arrayContaining(before));

  await portal.resume();
  await waitForPortal(portal);
  const sent = await requestFlush(browser);
  expect(sent).toEqual({ status: 'sent', waiting: 0 });
  // A second flush (or an alarm) has nothing left to send, and nothing wakes the worker to send.
  expect((await requestFlush(browser)).waiting).toBe(0);
  await expect.poll(flushAlarmMinutes).toBeNull();

  const stored = await admin.deviceEvents(deviceId);
  const storedIds = stored.map((e) => e.clientEventId).sort();
  expect(storedIds).toEqual(all);
  expect(new Set(storedIds).size).toBe(stored.length);
  expect(stored.filter((e) => e.kind === 'visit' && e.serviceId === 'openai-chatgpt')).toHaveLength(3);
  expect(stored.filter((e) => e.kind === 'visit' && e.serviceId === 'anthropic-claude')).toHaveLength(1);
  expect(stored.filter((e) => e.kind === 'api_call')).toHaveLength(1);
});

test("the org's own AI tool, opened while the worker is stopped, is recorded once", async () => {
  test.setTimeout(90_000);
  await admin.addCustomEntry({
    id: 'acme-llm-sandbox',
    name: 'Acme LLM sandbox',
    vendor: 'Acme',
    website: 'https://llm-sandbox.acme.test/',
    category: 'conversational',
    rules: [{ kind: 'host', value: 'llm-sandbox.acme.test' }],
  });
  await syncPolicyNow(browser);
  const page = await browser.context.newPage();
  // Stopped as the browser stops idle workers: the custom entry's listeners are gone until it reads storage.
  await stopServiceWorker(browser, page);
  await page.goto(sites.url('llm-sandbox.acme.test', '/chat/7?q=secret-plan'));
  const sandboxVisits = async () =>
    (await admin.deviceEvents(deviceId)).filter(
      (e) => e.serviceId === 'acme-llm-sandbox' && e.kind === 'visit',
    );
  await expect
    .poll(async () => {
      await requestFlush(browser);
      return (await sandboxVisits()).length;
    })
    .toBe(1);
  expect((await sandboxVisits())[0]!.host).toBe('llm-sandbox.acme.test');
  // The worker stops and starts again with the tab still open: still one visit.
  await stopServiceWorker(browser, page);
  expect((await requestFlush(browser)).waiting).toBe(0);
  expect(await sandboxVisits()).toHaveLength(1);
  // With the worker running, the built-in listener (the host looks like AI) and the org's own both see
  // a navigation: a reload is one more visit, not two.
  await page.reload();
  await expect
    .poll(async () => {
      await requestFlush(browser);
      return (await sandboxVisits()).length;
    })
    .toBeGreaterThanOrEqual(2);
  expect((await requestFlush(browser)).waiting).toBe(0);
  expect(await sandboxVisits()).toHaveLength(2);
  await page.close();
});

test('a revoked device stops sending and says so in its popup', async () => {
  await admin.revokeDevice(deviceId);
  const storedBefore = (await admin.deviceEvents(deviceId)).length;
  await browse([['chatgpt.com', '/c/3', [chatgptVisit]]]);
  await expect.poll(async () => (await queuedIds()).length).toBeGreaterThan(0);
  expect((await requestFlush(browser)).status).toBe('revoked');
  expect((await requestFlush(browser)).status).toBe('revoked');
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('/popup.html?url=about%3Ablank'));
  await expect(page.getByRole('alert')).toContainText('revoked by your administrator');
  await expect(page.getByTestId('enrollment-state')).toHaveText('Revoked');
  await page.close();
  expect((await admin.deviceEvents(deviceId)).length).toBe(storedBefore);
});
