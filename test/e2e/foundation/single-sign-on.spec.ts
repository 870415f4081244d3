import { type Browser, expect, type Page, test } from '@playwright/test';
import { type OidcTestProvider, startOidcProvider } from '../../integration/sso/oidc-test-provider';
import { signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
let idp: OidcTestProvider;
test.beforeAll(async () => {
  portal = await startPortal();
  idp = await startOidcProvider({
    clientId: 'sightline-e2e',
    clientSecret: 'e2e-client-secret-from-the-provider',
    redirectUris: [`${portal.url}/api/auth/sso/callback/corp`],
  });
  idp.setUser('bob', { email: 'bob@corp.example', name: 'Bob Buyer', groups: ['ai-procurement', 'staff'] });
});
test.afterAll(async () => Promise.all([idp?.close(), portal?.stop()]));

/** A fresh browser (no session at the portal or the provider) signing bob in through the provider. */
async function signInThroughProvider(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${portal.url}/sign-in`);
  await page.getByLabel('Email').fill('bob@corp.example');
  await expect(page.getByText('Your organisation signs you in with Corp SSO')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue with Corp SSO' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Username').fill('bob');
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

async function roleOf(page: Page): Promise<string> {
  const me = await page.request.get(`${portal.url}/api/me`);
  return ((await me.json()) as { user: { role: string } }).user.role;
}

test('an admin points Sightline at the identity provider; staff sign in with it and their role follows their groups', async ({
  page,
  browser,
}) => {
  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  // The overview may also link to Settings (the department chart's hint): take the menu's link.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add an identity provider' }).click();
  const form = page.getByRole('form', { name: 'Add an identity provider' });
  await form.getByLabel(/Provider id/).fill('corp');
  await expect(form.getByText(`${portal.url}/api/auth/sso/callback/corp`)).toBeVisible();
  await form.getByLabel('Name shown on the sign-in page').fill('Corp SSO');
  await form.getByLabel('Issuer URL').fill(idp.issuer);
  await form.getByLabel('Client id').fill('sightline-e2e');
  await form.getByLabel('Client secret').fill('e2e-client-secret-from-the-provider');
  await form.getByLabel('Email domains it serves').fill('corp.example');
  await form.getByLabel('Scopes').fill('openid email profile groups');
  await form
    .getByLabel(/Groups and roles/)
    .fill('sightline-admins = admin\nai-procurement = procurement\nstaff = viewer');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByText('Corp SSO added.')).toBeVisible();
  const row = page.getByRole('table', { name: 'Identity providers' }).getByRole('row', { name: /Corp SSO/ });
  await expect(row).toContainText('ai-procurement → procurement');
  await expect(page.getByText('e2e-client-secret-from-the-provider')).toHaveCount(0);

  // First sign-in: the account is created with the role of the first matching group.
  const first = await signInThroughProvider(browser);
  await expect(first.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(await roleOf(first)).toBe('procurement');

  // The provider moves bob to another group: the next sign-in changes his role.
  idp.setGroups('bob', ['staff']);
  const second = await signInThroughProvider(browser);
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(await roleOf(second)).toBe('viewer');

  // Out of every mapped group: refused, in words, and the session he had ends too.
  idp.setGroups('bob', ['contractors']);
  const third = await signInThroughProvider(browser);
  await expect(third).toHaveURL(/\/sign-in\?sso_error=no_role$/);
  await expect(third.getByRole('alert')).toContainText('you are in none of the groups that give access');
  expect((await second.request.get(`${portal.url}/api/me`)).status()).toBe(401);
});
