import { expect, type Page, test } from '@playwright/test';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

async function signIn(page: Page) {
  await page.goto(portal.url);
  await page.getByLabel('Email').fill(portal.admin.email);
  await page.getByLabel('Password').fill(portal.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

test('an admin sets the rollout, creates an enrollment token, decides a service and sees devices and requests', async ({
  page,
}) => {
  await signIn(page);

  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('form', { name: 'Extension settings' });
  await settings.getByLabel('Organisation name').fill('Acme Ltd');
  await settings.getByLabel('Rollout mode').selectOption('enforce');
  await settings.getByLabel('Work email domains').fill('acme.example, acme-group.example');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');

  const tokenForm = page.getByRole('form', { name: 'Create an enrollment token' });
  await tokenForm.getByLabel('Label').fill('Laptops');
  await tokenForm.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByLabel('New enrollment token')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('table', { name: 'Tokens' })).toContainText('Laptops');

  await page.getByRole('link', { name: 'Policy', exact: true }).click();
  await page.getByLabel('Find a service').fill('ChatGPT');
  await page.getByRole('button', { name: 'Edit ChatGPT', exact: true }).click();
  const form = page.getByRole('form', { name: 'Policy for ChatGPT' });
  await form.getByLabel('State').selectOption('conditional');
  await form.getByLabel(/Conditions/).fill('No customer data');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await expect(page.getByRole('table', { name: /Services/ })).toContainText('No customer data');

  // The whole catalog, a page at a time: the list used to stop at 200 of some 600 services.
  await page.getByLabel('Find a service').fill('');
  const rows = page.getByRole('table', { name: /Services/ }).getByRole('row');
  await expect(rows).toHaveCount(101);
  const loadMore = page.getByRole('button', { name: 'Load more services' });
  const allShown = page.getByText(/^All shown \(\d+\)\.$/);
  for (let clicks = 0; clicks < 20 && !(await allShown.isVisible()); clicks++) {
    const before = await rows.count();
    await loadMore.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
    await expect(loadMore.or(allShown)).toBeVisible();
  }
  const total = Number((await allShown.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(500);
  await expect(rows).toHaveCount(total + 1);

  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await expect(page.getByText('No browser has enrolled yet', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Access requests', exact: true }).click();
  await expect(page.getByText('No access requests yet', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Audit trail', exact: true }).click();
  const audit = page.getByRole('table', { name: 'Latest entries' });
  await expect(audit).toContainText('settings.changed');
  await expect(audit).toContainText('enrollment_token.created');
  await expect(audit).toContainText('policy.changed');
});
