import { expect, test } from '@playwright/test';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  // This spec is about the first sign-in itself, so the admin keeps the password printed at start.
  portal = await startPortal({}, { keepOneTimePassword: true });
});
test.afterAll(async () => portal?.stop());

const NEW_PASSWORD = 'lantern orchard velvet 42';

test('the printed admin signs in, must choose a password and name the organisation first, then invites a reviewer and sees it all in a verified audit trail', async ({
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

  // The one-time password opens nothing but the first-run screen, in the UI and in the API.
  await expect(page).toHaveURL(/\/welcome$/);
  await expect(page.getByRole('heading', { name: 'Welcome to Sightline' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await page.goto(`${portal.url}/users`);
  await expect(page).toHaveURL(/\/welcome$/);
  const locked = await page.request.get(`${portal.url}/api/users`);
  expect(locked.status()).toBe(403);
  expect((await locked.json()).error.code).toBe('password_change_required');

  const choose = page.getByRole('form', { name: 'Choose your password' });
  await choose.getByLabel('One-time password').fill(portal.admin.password);
  await choose.getByLabel('New password', { exact: true }).fill('aaaaaaaaaaaa');
  await choose.getByLabel('Repeat the new password').fill('aaaaaaaaaaaa');
  await choose.getByRole('button', { name: 'Save my password' }).click();
  await expect(choose.getByRole('alert')).toContainText('repeats the same character');

  await choose.getByLabel('One-time password').fill(portal.admin.password);
  await choose.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await choose.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
  await choose.getByRole('button', { name: 'Save my password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password is saved');

  const organisation = page.getByRole('form', { name: 'Name your organisation' });
  await expect(organisation.getByLabel('Organisation name')).toHaveValue('My organisation');
  await organisation.getByLabel('Organisation name').fill('Acme Analytics Ltd');
  await organisation.getByRole('button', { name: 'Save and start' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await (await page.request.get(`${portal.url}/api/settings`)).json()).name).toBe(
    'Acme Analytics Ltd',
  );

  await page.getByRole('link', { name: 'Users and roles', exact: true }).click();
  const form = page.getByRole('form', { name: 'Invite a staff member' });
  await form.getByLabel('Name').fill('Rae Reviewer');
  await form.getByLabel('Email').fill('rae@example.test');
  await form.getByLabel('Role').selectOption('reviewer');
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByLabel('Invitation link')).toHaveValue(/\/accept-invitation#[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('table', { name: 'Open invitations' })).toContainText('rae@example.test');

  await page.getByRole('link', { name: 'Audit trail', exact: true }).click();
  const entries = page.getByRole('table', { name: 'Latest entries' });
  await expect(entries).toContainText('staff.invited');
  // Signing in and choosing the password are the admin's own acts, not an anonymous caller's.
  await expect(
    entries.getByRole('row').filter({ hasText: 'auth.sign_in' }).filter({ hasNotText: 'failed' }),
  ).toContainText(portal.admin.email);
  await expect(entries.getByRole('row').filter({ hasText: 'auth.password_changed' })).toContainText(
    portal.admin.email,
  );
  await expect(entries).toContainText('settings.changed');
  await page.getByRole('button', { name: 'Verify the chain' }).click();
  await expect(page.getByRole('status')).toContainText('Chain verified');

  // From now on the chosen password signs straight in; the one-time password no longer works.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('Email').fill(portal.admin.email);
  await page.getByLabel('Password').fill(portal.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Invalid email or password');
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  expect(cspErrors).toEqual([]);
});

test('a browser that does not keep the session cookie is told so, and keeps what was typed', async ({
  page,
}) => {
  // The session never reaches the portal again, as when cookies are blocked: /api/me answers 401.
  // (Dropping the sign-in's Set-Cookie in a route does not do it: Playwright's fetch stores it.)
  await page.route('**/api/me', (route) =>
    route.fulfill({
      status: 401,
      json: { error: { code: 'unauthenticated', message: 'Sign in first' } },
    }),
  );
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email').fill(portal.admin.email);
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Signed in, but this browser did not keep the session. Allow cookies for this site and try again.',
  );
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Email')).toHaveValue(portal.admin.email);
});
