import { expect, type Page, test } from '@playwright/test';
import { type EnrolledExtension, startEnrolledExtension } from '../support/enrolled-extension';
import { EXTENSION_ID, type ExtensionBrowser, readLocal, syncPolicyNow } from '../support/extension-browser';
import type { FakeSites } from '../support/extension-fake-sites';
import type { adminApi } from '../support/extension-portal-api';

let sites: FakeSites;
let browser: ExtensionBrowser;
let admin: Awaited<ReturnType<typeof adminApi>>;
let running: EnrolledExtension;

const CONDITIONS = 'Public sources only. No customer or personal data.';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  running = await startEnrolledExtension({
    prepare: async (a) => {
      await a.settings({ mode: 'coach', name: 'Acme' });
      await a.setPolicy('openai-chatgpt', { state: 'approved' });
      await a.setPolicy('perplexity', { state: 'unapproved', alternativeServiceId: 'openai-chatgpt' });
    },
  });
  ({ sites, browser, admin } = running);
});

test.afterAll(async () => {
  await running?.stop();
});

const banner = (page: Page) => page.locator('sightline-banner').getByRole('status');

/** Opens the site and waits until the content script has decided about the banner. */
async function visit(page: Page) {
  await page.goto(sites.url('perplexity.ai', '/search?q=x'));
  await expect(page.getByRole('heading', { name: 'Fake AI service at perplexity.ai' })).toBeVisible();
  // The content script marks the page right before it shows the banner, in the same task.
  await expect(page.locator('html')).toHaveAttribute('data-sightline-service', 'perplexity');
}

test('a service made conditional after the warning page: no warning any more, its conditions on every visit until hidden for the day', async () => {
  const warned = await browser.context.newPage();
  await warned.goto(sites.url('perplexity.ai', '/search?q=x'));
  await expect(warned).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/warning\\.html#`));

  await admin.setPolicy('perplexity', { state: 'conditional', conditions: CONDITIONS });
  await syncPolicyNow(browser);

  // The warning page left open now says the service is allowed, with its conditions and the way back.
  await warned.reload();
  await expect(warned.getByRole('heading', { level: 1 })).toHaveText(
    'Perplexity is approved with conditions by Acme',
  );
  await expect(warned.getByRole('region', { name: 'Conditions' })).toContainText(CONDITIONS);
  await expect(warned.getByRole('form', { name: 'Proceed once' })).toHaveCount(0);
  await warned.getByRole('link', { name: 'Continue to Perplexity' }).click();
  await expect(warned.getByRole('heading', { name: 'Fake AI service at perplexity.ai' })).toBeVisible();
  await expect(banner(warned)).toContainText('Perplexity is approved with conditions');
  await warned.close();

  const page = await browser.context.newPage();
  await visit(page);
  await expect(banner(page)).toContainText('Acme allows Perplexity on these conditions:');
  await expect(banner(page)).toContainText(CONDITIONS);
  // Shown again on the next visit (not once a day like the unreviewed reminder) until hidden.
  await visit(page);
  await expect(banner(page)).toBeVisible();

  await banner(page).getByRole('button', { name: 'Hide for today' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect
    .poll(async () =>
      Object.keys((await readLocal<Record<string, string>>(browser, 'bannerDismissed')) ?? {}),
    )
    .toEqual(['perplexity']);
  await visit(page);
  await expect(banner(page)).toHaveCount(0);
  await page.close();
});

test('the popup shows the conditions of a conditional site and that they show on every visit', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(`/popup.html?url=${encodeURIComponent(sites.url('perplexity.ai'))}`));
  const site = page.getByRole('region', { name: 'This site' });
  await expect(site).toContainText('Approved with conditions');
  await expect(site).toContainText(`Conditions: ${CONDITIONS}`);
  await expect(site).toContainText('The conditions are shown on every visit');
  await page.close();
});
