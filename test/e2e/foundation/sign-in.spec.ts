import { expect, test } from '@playwright/test';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

test('the printed admin signs in through the UI, invites a reviewer and sees both in a verified audit trail', async ({
  page,
}) => {
  const cspErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
  });
  await page.goto(portal.url);
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel('Email').fill(portal.admin.email);
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Invalid email or password');

  await page.getByLabel('Password').fill(portal.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Users and roles' }).click();
  const form = page.getByRole('form', { name: 'Invite a staff member' });
  await form.getByLabel('Name').fill('Rae Reviewer');
  await form.getByLabel('Email').fill('rae@example.test');
  await form.getByLabel('Role').selectOption('reviewer');
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByLabel('Invitation link')).toHaveValue(/\/accept-invitation#[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('table', { name: 'Open invitations' })).toContainText('rae@example.test');

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('table', { name: 'Latest entries' })).toContainText('staff.invited');
  await expect(page.getByRole('table', { name: 'Latest entries' })).toContainText('auth.sign_in');
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByRole('status')).toContainText('Chain verified');
  expect(cspErrors).toEqual([]);
});
