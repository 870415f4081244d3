import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, chromiumEnv, chromiumPath } from './chromium';

/** The built extension; SL_EXT_DIR points elsewhere (e.g. to compare builds in the benchmark). */
export const extensionDir =
  process.env.SL_EXT_DIR ?? resolve(import.meta.dirname, '../../../extension/.output/chrome-mv3');
/** The managed-policy file the enterprise-policy test writes (Chromium on Linux reads this folder). */
export const TEST_POLICY_FILE = '/etc/chromium/policies/managed/sightline-test.json';

/** A policy file left by an interrupted run would configure every browser; tests that enroll by hand remove it. */
export function removeTestManagedPolicy(): void {
  rmSync(TEST_POLICY_FILE, { force: true });
}

/** Fixed by the manifest key (extension/wxt.config.ts). */
export const EXTENSION_ID = 'kjhkpbeipnhokeohdgejiggdoioncgdm';

export type ExtensionBrowser = {
  context: BrowserContext;
  worker: () => Promise<Worker>;
  extensionUrl: (path: string) => string;
  close: () => Promise<void>;
};

/** Chromium with the built extension loaded, headless, fake AI hosts mapped to loopback. */
export async function launchWithExtension(
  userDataDir: string,
  resolverRules: string,
): Promise<ExtensionBrowser> {
  if (!existsSync(resolve(extensionDir, 'manifest.json')))
    throw new Error(`Build the extension first: ${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    env: chromiumEnv,
    args: [
      ...chromiumArgs,
      // The fake AI sites use a self-signed certificate where HSTS forces https.
      '--ignore-certificate-errors',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${resolverRules}`,
    ],
  });
  const worker = async () => {
    const existing = context
      .serviceWorkers()
      .find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
    if (existing) return existing;
    return context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
      timeout: 20_000,
    });
  };
  await worker();
  return {
    context,
    worker,
    extensionUrl: (path) => `chrome-extension://${EXTENSION_ID}${path}`,
    close: () => context.close(),
  };
}

/** Reads storage.local in the service worker (starting it if it was stopped). */
export async function readLocal<T = unknown>(browser: ExtensionBrowser, key: string): Promise<T | undefined> {
  const sw = await wakeWorker(browser);
  return sw.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>;
}

/** How many redirect rules (warning and block pages) the extension has put in place. */
export async function redirectRuleCount(browser: ExtensionBrowser): Promise<number> {
  const sw = await wakeWorker(browser);
  return sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length);
}

/** A stopped worker starts again when an extension page opens. */
export async function wakeWorker(browser: ExtensionBrowser): Promise<Worker> {
  const alive = browser.context.serviceWorkers().find((w) => w.url().includes(EXTENSION_ID));
  if (alive) return alive;
  const page = await browser.context.newPage();
  const waiting = browser.worker();
  await page.goto(browser.extensionUrl('/popup.html'));
  const sw = await waiting;
  await page.close();
  return sw;
}

/**
 * Sends a runtime message from one of the extension's pages, as the popup does: in the envelope of
 * @webext-core/messaging (`{ id, type, data, timestamp }`), answered with `{ res }` or, when the worker
 * refuses, `{ err }`.
 */
async function sendFromExtensionPage<Reply>(page: Page, type: string, data?: unknown): Promise<Reply> {
  const answer = (await page.evaluate(
    ([type, data]) => chrome.runtime.sendMessage({ id: 0, type, data, timestamp: Date.now() }),
    [type, data] as const,
  )) as { res?: Reply; err?: { message?: string } } | undefined;
  if (!answer || answer.err)
    throw new Error(`the worker refused ${type}: ${answer?.err?.message ?? 'no answer'}`);
  return answer.res as Reply;
}

/** Opens the popup (describing no site), runs `use` in it and closes it. */
async function withPopup<T>(browser: ExtensionBrowser, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.extensionUrl('/popup.html?url=about%3Ablank'));
    return await use(page);
  } finally {
    await page.close();
  }
}

/** Asks the worker to send its queue now (the same message as the popup's "Send now"); returns how it went. */
export async function requestFlush(
  browser: ExtensionBrowser,
): Promise<{ status: string; waiting: number; message?: string }> {
  const outcome = await withPopup(browser, (page) =>
    sendFromExtensionPage<{ status: string; message?: string }>(page, 'flush-now'),
  );
  const queue = await readLocal<unknown[]>(browser, 'queue');
  return {
    status: outcome.status,
    waiting: queue?.length ?? 0,
    ...(outcome.status === 'failed' ? { message: outcome.message } : {}),
  };
}

/** Flushes and insists it worked. */
export async function flushNow(browser: ExtensionBrowser): Promise<{ waiting: number }> {
  const outcome = await requestFlush(browser);
  if (outcome.status !== 'sent') throw new Error(`flush did not send: ${JSON.stringify(outcome)}`);
  return outcome;
}

/**
 * Has the worker fetch the portal's policy now and apply it (the popup's "Check for policy updates"),
 * rather than at its next alarm; resolves once it is applied.
 */
export async function syncPolicyNow(browser: ExtensionBrowser): Promise<void> {
  const { outcome } = await withPopup(browser, (page) =>
    sendFromExtensionPage<{ outcome: string }>(page, 'sync-now'),
  );
  if (outcome !== 'updated' && outcome !== 'unchanged')
    throw new Error(`the extension could not sync its policy: ${outcome}`);
}

/** Stops the extension's service worker like the browser does when idle: in-memory state is gone. */
export async function stopServiceWorker(browser: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Enrolls through the options page, as a person would. */
export async function enrollThroughOptions(
  browser: ExtensionBrowser,
  portalUrl: string,
  token: string,
  userHint = 'ada@example.com',
) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('/options.html'));
  await page.getByLabel('Portal URL').fill(portalUrl);
  await page.getByLabel('Enrollment token').fill(token);
  await page.getByLabel('Your work email or login (optional)').fill(userHint);
  await page.getByRole('button', { name: 'Enroll' }).click();
  await page.getByText('This browser is enrolled.').waitFor({ timeout: 15_000 });
  await page.close();
}
