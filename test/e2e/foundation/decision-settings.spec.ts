import { expect, test } from '@playwright/test';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

test('an admin turns separation of duties off and makes rejected services only unapproved; both stay after a reload', async ({
  page,
}) => {
  await page.goto(portal.url);
  await page.getByLabel('Email').fill(portal.admin.email);
  await page.getByLabel('Password').fill(portal.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();

  const settings = page.getByRole('form', { name: 'Extension settings' });
  const separation = settings.getByLabel(
    'Separation of duties: whoever reviewed an assessment may not decide it',
  );
  const rejected = settings.getByLabel('A rejected service becomes');
  await expect(separation).toBeChecked();
  await expect(rejected).toHaveValue('blocked');

  await separation.uncheck();
  await rejected.selectOption('unapproved');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');

  await page.reload();
  await expect(
    settings.getByLabel('Separation of duties: whoever reviewed an assessment may not decide it'),
  ).not.toBeChecked();
  await expect(settings.getByLabel('A rejected service becomes')).toHaveValue('unapproved');
});
