import { expect, test } from '@playwright/test';
import { signIn } from '../support/assessment-staff';
import { type EnrolledExtension, startEnrolledExtension } from '../support/enrolled-extension';
import { EXTENSION_ID, type ExtensionBrowser, flushNow } from '../support/extension-browser';
import type { FakeSites } from '../support/extension-fake-sites';
import type { adminApi } from '../support/extension-portal-api';
import type { RunningPortal } from '../support/portal-process';

let portal: RunningPortal;
let sites: FakeSites;
let browser: ExtensionBrowser;
let admin: Awaited<ReturnType<typeof adminApi>>;
let deviceId: string;
let running: EnrolledExtension;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  running = await startEnrolledExtension({
    prepare: async (a) => {
      // Enforce, so a blocked service gets the block page (in coach mode it would be the warning page).
      await a.settings({ mode: 'enforce', name: 'Acme' });
      await a.setPolicy('openai-chatgpt', { state: 'approved' });
    },
  });
  ({ portal, sites, browser, admin, deviceId } = running);
});

test.afterAll(async () => {
  await running?.stop();
});

test('staff block an unreviewed service in the portal UI; after its next policy sync the extension shows the block page with the approved alternative, and the portal records the block', async ({
  page: staff,
}) => {
  test.setTimeout(120_000);
  // Before: Claude is unreviewed, so it opens (with the once-a-day "not reviewed" banner).
  const employee = await browser.context.newPage();
  await employee.goto(sites.url('claude.ai', '/new'));
  await expect(employee.getByRole('heading', { name: 'Fake AI service at claude.ai' })).toBeVisible();
  await expect(employee.locator('sightline-banner').getByRole('status')).toContainText(
    'Claude has not been reviewed yet',
  );
  const reachedBefore = sites.seen('claude.ai').length;
  expect(reachedBefore).toBeGreaterThan(0);

  // Staff, in their own browser, block it on the policy page and name ChatGPT as the alternative.
  await signIn(staff, portal.url, portal.admin.email, portal.admin.password);
  await staff.getByRole('link', { name: 'Policy', exact: true }).click();
  await staff.getByLabel('Find a service').fill('Claude');
  await staff.getByRole('button', { name: 'Edit Claude', exact: true }).click();
  const form = staff.getByRole('form', { name: 'Policy for Claude' });
  await form.getByLabel('State').selectOption('blocked');
  await form.getByLabel('Approved alternative (catalog service)').selectOption({ label: 'ChatGPT' });
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(staff.getByRole('status')).toContainText('Saved');
  await expect(
    staff.getByRole('table', { name: /Services/ }).getByRole('row', { name: 'Claude Anthropic' }),
  ).toContainText('Blocked');

  // The employee asks for the policy now from the popup, rather than waiting for the extension's alarm.
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('/popup.html?url=about%3Ablank'));
  await popup.getByRole('button', { name: 'Check for policy updates' }).click();
  await expect(popup.getByRole('status')).toHaveText('The policy was updated.');
  await popup.getByRole('button', { name: 'Check for policy updates' }).click();
  await expect(popup.getByRole('status')).toHaveText('The policy is up to date.');
  await popup.close();

  // After: the same address gets the block page, the site is never contacted, and there is no way through.
  await employee.goto(sites.url('claude.ai', '/new'));
  await expect(employee).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/blocked\\.html#`));
  await expect(employee.getByRole('heading', { level: 1 })).toHaveText('Claude is blocked by Acme');
  await expect(
    employee.getByText('Acme has decided that Claude (Anthropic) must not be used for work.'),
  ).toBeVisible();
  await expect(employee.getByRole('heading', { name: 'Use the approved alternative' })).toBeVisible();
  await expect(employee.getByRole('link', { name: 'ChatGPT' })).toBeVisible();
  await expect(employee.getByRole('form', { name: 'Proceed once' })).toHaveCount(0);
  await employee.close();
  expect(sites.seen('claude.ai').length).toBe(reachedBefore);

  // The portal stored a `blocked` event for this device and this service.
  await expect
    .poll(
      async () => {
        await flushNow(browser);
        return (await admin.deviceEvents(deviceId))
          .filter((e) => e.serviceId === 'anthropic-claude')
          .map((e) => e.kind);
      },
      { timeout: 30_000 },
    )
    .toContain('blocked');
});
