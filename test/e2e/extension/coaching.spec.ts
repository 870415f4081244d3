import { expect, type Page, test } from '@playwright/test';
import { type EnrolledExtension, startEnrolledExtension } from '../support/enrolled-extension';
import { EXTENSION_ID, type ExtensionBrowser, flushNow, syncPolicyNow } from '../support/extension-browser';
import type { FakeSites } from '../support/extension-fake-sites';
import type { adminApi, DeviceEvent } from '../support/extension-portal-api';
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
      await a.settings({ mode: 'coach', emailDomains: ['example.com'], name: 'Acme' });
      await a.setPolicy('openai-chatgpt', { state: 'approved' });
      await a.setPolicy('perplexity', { state: 'unapproved', alternativeServiceId: 'openai-chatgpt' });
      await a.setPolicy('mistral-le-chat', { state: 'unapproved' });
      await a.setPolicy('deepseek-chat', { state: 'blocked', alternativeServiceId: 'openai-chatgpt' });
    },
  });
  ({ portal, sites, browser, admin, deviceId } = running);
});

test.afterAll(async () => {
  await running?.stop();
});

async function storedEvents(): Promise<DeviceEvent[]> {
  await flushNow(browser);
  return admin.deviceEvents(deviceId);
}

const banner = (page: Page) => page.locator('sightline-banner');

test('the extension id is the one fixed by the manifest key, and the device is listed in the portal', async () => {
  const sw = await browser.worker();
  expect(new URL(sw.url()).host).toBe(EXTENSION_ID);
  const { devices } = await admin.devices();
  expect(devices.map((d) => d.id)).toContain(deviceId);
  expect(devices.find((d) => d.id === deviceId)?.userKey).toMatch(/^p_/);
});

test('approved site: no banner, a visit is stored with its matched rule', async () => {
  const page = await browser.context.newPage();
  await page.goto(sites.url('chatgpt.com', '/c/abc?q=private+question'));
  await expect(page.getByRole('heading', { name: 'Fake AI service at chatgpt.com' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-sightline-service', 'openai-chatgpt');
  await expect(banner(page)).toHaveCount(0);
  await page.close();
  const visits = (await storedEvents()).filter((e) => e.kind === 'visit' && e.serviceId === 'openai-chatgpt');
  expect(visits).toHaveLength(1);
  expect(visits[0]).toMatchObject({ host: 'chatgpt.com', matchedRule: 'domain:chatgpt.com' });
  // Metadata only: the path and query string went nowhere.
  expect(JSON.stringify(visits)).not.toContain('private');
});

test('unreviewed service in coach mode: a banner in a shadow root, once a day; paste, upload and account hint are counted', async () => {
  const page = await browser.context.newPage();
  await page.goto(sites.url('claude.ai'));
  await expect(banner(page)).toHaveCount(1);
  await expect(banner(page).getByRole('status')).toContainText('Claude has not been reviewed yet');
  await expect(banner(page).getByRole('status')).toContainText('Acme has not assessed Claude');

  await page.getByLabel('Prompt').focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'confidential customer list: alice, bob');
    document
      .getElementById('prompt-textarea')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await page.getByLabel('Upload').setInputFiles([
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2048, 1) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('secret notes') },
  ]);
  // The paste and the upload reach the portal (each poll flushes the extension's queue first).
  await expect
    .poll(
      async () =>
        (await storedEvents()).filter(
          (e) => e.serviceId === 'anthropic-claude' && ['paste', 'upload'].includes(e.kind),
        ).length,
    )
    .toBe(2);

  // Second visit the same day: no banner. The content script marks the page as soon as it knows the
  // service, in the same step where it would show the banner, so the check below cannot run too early.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Fake AI service at claude.ai' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-sightline-service', 'anthropic-claude');
  await expect(banner(page)).toHaveCount(0);
  await page.close();

  const events = (await storedEvents()).filter((e) => e.serviceId === 'anthropic-claude');
  expect(events.filter((e) => e.kind === 'visit')).toHaveLength(2);
  const paste = events.find((e) => e.kind === 'paste');
  expect(paste).toMatchObject({ itemCount: 1, bytes: 38, fileTypes: ['text/plain'] });
  const upload = events.find((e) => e.kind === 'upload');
  expect(upload).toMatchObject({ itemCount: 2, bytes: 2048 + 12 });
  expect([...(upload?.fileTypes ?? [])].sort()).toEqual(['application/pdf', 'text/plain']);
  expect(events.find((e) => e.kind === 'login')?.accountHint).toBe('work');
  const text = JSON.stringify(events);
  for (const secret of ['confidential', 'alice', 'secret notes', 'report.pdf', 'ada@example.com'])
    expect(text).not.toContain(secret);
});

test('unapproved service: the warning page replaces it before it loads; proceeding once with a reason opens it', async () => {
  const before = sites.seen('perplexity.ai').length;
  const page = await browser.context.newPage();
  await page.goto(sites.url('perplexity.ai', '/search?q=quarterly+numbers'));
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/warning\\.html#`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Perplexity is not approved by Acme');
  await expect(page.getByRole('link', { name: 'ChatGPT' })).toHaveAttribute('href', 'https://openai.com');
  expect(sites.seen('perplexity.ai').length).toBe(before);

  const proceed = page.getByRole('form', { name: 'Proceed once' });
  await proceed.getByRole('button', { name: /Proceed for 60 minutes/ }).click();
  // No reason, no proceeding.
  await expect(proceed.getByLabel('Why do you need to continue now?')).toHaveJSProperty(
    'validity.valueMissing',
    true,
  );
  await expect(page).toHaveURL(/warning\.html#/);
  await proceed.getByLabel('Why do you need to continue now?').fill('Checking a source a customer sent');
  await proceed.getByRole('button', { name: /Proceed for 60 minutes/ }).click();
  await expect(page).toHaveURL(/^https?:\/\/perplexity.ai:\d+\/search\?q=quarterly\+numbers$/);
  await expect(page.getByRole('heading', { name: 'Fake AI service at perplexity.ai' })).toBeVisible();
  expect(sites.seen('perplexity.ai').length).toBeGreaterThan(before);
  await page.close();

  const events = (await storedEvents()).filter((e) => e.serviceId === 'perplexity');
  expect(events.map((e) => e.kind).sort()).toEqual(
    expect.arrayContaining(['warning_shown', 'proceeded', 'visit']),
  );
  expect(JSON.stringify(events)).not.toContain('customer sent');
});

test('request access from the warning page: the request shows in the portal', async () => {
  const page = await browser.context.newPage();
  await page.goto(sites.url('chat.mistral.ai'));
  await expect(page).toHaveURL(/warning\.html#/);
  const form = page.getByRole('form', { name: 'Request access' });
  await form.getByLabel('Why do you need it?').fill('Our French support team needs a French-first model');
  await form.getByLabel('What will you use it for?').fill('Drafting replies to support tickets');
  await form.getByLabel('Customer data').check();
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status')).toContainText('Your request was sent to Acme');
  await expect(page.getByRole('status')).toContainText(
    'Once Acme approves Le Chat, this page stops appearing',
  );
  // Next time, the page says the person already asked instead of inviting a duplicate.
  await page.reload();
  await expect(page.getByRole('status')).toContainText(/You asked for access on .*Once Acme approves/);
  await expect(page.getByRole('form', { name: 'Request access' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Send another request' }).click();
  await expect(page.getByRole('form', { name: 'Request access' })).toBeVisible();
  await page.close();
  const requests = (await admin.requests()).filter((r) => r.serviceId === 'mistral-le-chat');
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({
    justification: 'Our French support team needs a French-first model',
    status: 'open',
    dataCategories: ['customer_data'],
  });
  expect(
    (await storedEvents()).some((e) => e.kind === 'request_submitted' && e.serviceId === 'mistral-le-chat'),
  ).toBe(true);
});

test('a single-page-app route change into an unapproved AI feature of a larger site gets the warning page', async () => {
  await admin.setPolicy('zapier-agents', { state: 'unapproved' });
  await syncPolicyNow(browser);
  const page = await browser.context.newPage();
  await page.goto(sites.url('zapier.com', '/?to=/ai'));
  await expect(page.getByRole('heading', { name: 'Fake AI service at zapier.com' })).toBeVisible();
  await page.getByRole('button', { name: 'Open a chat' }).click();
  await expect(page).toHaveURL(
    new RegExp(`^chrome-extension://${EXTENSION_ID}/warning\\.html#https?://zapier\\.com:\\d+/ai$`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zapier Agents is not approved by Acme');
  // A direct load of the AI path never reaches the site.
  const before = sites.seen('zapier.com').length;
  await page.goto(sites.url('zapier.com', '/agents/new'));
  await expect(page).toHaveURL(/warning\.html#/);
  expect(sites.seen('zapier.com').length).toBe(before);
  await page.close();
  const events = (await storedEvents()).filter((e) => e.serviceId === 'zapier-agents');
  expect(events.filter((e) => e.kind === 'visit')).toHaveLength(1);
  expect(events.filter((e) => e.kind === 'warning_shown').length).toBeGreaterThanOrEqual(2);
  expect(events.find((e) => e.kind === 'visit')?.matchedRule).toBe('path:zapier.com/ai');
});

test('blocked service in enforce mode: the block page, and the site never receives the request', async () => {
  await admin.settings({ mode: 'enforce' });
  await syncPolicyNow(browser);
  const page = await browser.context.newPage();
  await page.goto(sites.url('chat.deepseek.com', '/a/chat'));
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/blocked\\.html#`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DeepSeek Chat is blocked by Acme');
  await expect(page.getByRole('form', { name: 'Proceed once' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Request access' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ChatGPT' })).toBeVisible();
  await page.close();
  expect(sites.seen('chat.deepseek.com')).toHaveLength(0);
  const events = (await storedEvents()).filter((e) => e.serviceId === 'deepseek-chat');
  expect(events.map((e) => e.kind)).toEqual(['blocked']);
});

test('an AI API call from a non-AI page is stored as api_call with the page as initiator, once per few minutes', async () => {
  const page = await browser.context.newPage();
  await page.goto(sites.url('shop.example', '/checkout?api=api.openai.com'));
  expect(await page.evaluate(() => (window as unknown as { apiCalls: Promise<unknown[]> }).apiCalls)).toEqual(
    [200, 200, 200],
  );
  await page.close();
  const calls = (await storedEvents()).filter((e) => e.kind === 'api_call');
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({
    serviceId: 'openai-platform',
    host: 'api.openai.com',
    initiatorHost: 'shop.example',
  });
  expect(JSON.stringify(calls)).not.toContain('customer record');
});

test('a plain non-AI page gets no content script and records nothing', async () => {
  const before = (await storedEvents()).length;
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.origin.startsWith('chrome-extension://')) worlds.push(e.context.origin);
  });
  await cdp.send('Runtime.enable');
  await page.goto(sites.url('intranet.example', '/hr/salaries?employee=42'));
  await expect(page.getByRole('heading', { name: 'Plain page on intranet.example' })).toBeVisible();
  // Content scripts run at document_idle, which Chromium reaches right after the load event: wait
  // for the load, then for a task queued after it in the page, then for a round trip on the CDP
  // session that reports new worlds, so a world created for this page would be in `worlds` by now.
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await cdp.send('Runtime.evaluate', { expression: '0' });
  expect(worlds).toEqual([]);
  await expect(page.locator('html')).not.toHaveAttribute('data-sightline-service', /.*/);
  // Positive control: the same probe sees the content script on an AI page.
  await page.goto(sites.url('chatgpt.com'));
  await expect(page.locator('html')).toHaveAttribute('data-sightline-service', 'openai-chatgpt');
  expect(worlds.length).toBeGreaterThan(0);
  await page.close();
  const after = await storedEvents();
  expect(
    after.filter((e) => e.host === 'intranet.example' || e.initiatorHost === 'intranet.example'),
  ).toEqual([]);
  expect(after.length).toBe(before + 1);
});

test('an AI-looking host outside the catalog becomes a candidate, never a warning', async () => {
  const page = await browser.context.newPage();
  await page.goto(sites.url('newthing.ai'));
  await expect(page.getByRole('heading', { name: 'Fake AI service at newthing.ai' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await page.close();
  await flushNow(browser);
  const { candidates } = await admin.candidates();
  expect(candidates.map((c) => c.host)).toContain('newthing.ai');
});

test('the popup shows the site policy, what is recorded, the queue and enrollment', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(`/popup.html?url=${encodeURIComponent(sites.url('claude.ai'))}`));
  await expect(page.getByRole('region', { name: 'This site' })).toContainText('Claude');
  await expect(page.getByRole('region', { name: 'This site' })).toContainText('Not reviewed yet');
  await expect(page.getByRole('region', { name: 'What is recorded' })).toContainText('never', {
    ignoreCase: true,
  });
  await expect(page.getByTestId('enrollment-state')).toHaveText(`Enrolled with ${portal.url}`);
  await expect(page.getByTestId('events-waiting')).toHaveText(/^\d+$/);
  await page.close();
});
