import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

/** Every request that would change something, from this page. */
function changesSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/')) {
      sent.push(`${request.method()} ${new URL(request.url()).pathname}`);
    }
  });
  return sent;
}

/** The field says what is wrong beside it: marked invalid, and described by the contract's message. */
async function expectFieldError(field: Locator, message: string | RegExp) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
}

test('forms check their fields against the shared contract, say what is wrong beside each field and send nothing until it is right', async ({
  page,
}) => {
  const sent = changesSent(page);
  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  sent.length = 0;

  await page.goto(`${portal.url}/settings`);
  const settings = page.getByRole('form', { name: 'Extension settings' });
  const retention = settings.getByLabel('Keep raw events for');
  await expect(retention).toHaveAttribute('max', '3650');
  await retention.fill('0');
  await settings.getByLabel('Work email domains').fill('acme.example, intranet');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expectFieldError(retention, 'At least 1');
  await expectFieldError(
    settings.getByLabel('Work email domains'),
    'intranet: Give a domain such as example.com',
  );
  // The first field with a problem takes the focus, so a keyboard or screen reader user lands on it.
  await expect(settings.getByLabel('Work email domains')).toBeFocused();

  const tokens = page.getByRole('form', { name: 'Create an enrollment token' });
  await expect(tokens.getByLabel('Label')).toHaveAttribute('maxlength', '120');
  await tokens.getByLabel('Expires after').fill('4000');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  await expectFieldError(tokens.getByLabel('Label'), 'Fill this in');
  await expectFieldError(tokens.getByLabel('Expires after'), 'At most 3650');

  await page.goto(`${portal.url}/vendors`);
  const vendor = page.getByRole('form', { name: 'Add a vendor' });
  await expect(vendor.getByLabel('Name')).toHaveAttribute('maxlength', '200');
  await vendor.getByLabel('Name').fill('Acme AI');
  await vendor.getByLabel('Website').fill('ftp://files.acme.example');
  await vendor.getByLabel('Catalog service ids').fill('openai-chatgpt, -acme');
  await vendor.getByRole('button', { name: 'Add vendor' }).click();
  await expectFieldError(vendor.getByLabel('Website'), 'a website is an http(s) address');
  await expectFieldError(vendor.getByLabel('Catalog service ids'), /^-acme: a service id uses lower-case/);

  await page.goto(`${portal.url}/catalog`);
  await page.getByRole('button', { name: 'Add a custom entry' }).click();
  const entry = page.getByRole('form', { name: 'New catalog entry' });
  await entry.getByLabel(/^Id/).fill('acme-writer');
  await entry.getByLabel('Product name').fill('Acme Writer');
  await entry.getByLabel('Vendor', { exact: true }).fill('Acme');
  await entry.getByLabel('Vendor website').fill('https://acme.example');
  await entry.getByLabel(/Match rules/).fill('domain:acme.example\ndomain:co.uk\nregex:.*');
  await entry.getByRole('button', { name: 'Save' }).click();
  await expectFieldError(
    entry.getByLabel(/Match rules/),
    /^Line 2: a public suffix or a shared platform domain.*; Line 3: unknown kind "regex"/,
  );

  // Nothing above reached the server.
  expect(sent).toEqual([]);

  // Once the fields are right the same forms send, and the contract's messages are gone.
  await entry.getByLabel(/Match rules/).fill('domain:acme.example');
  await entry.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('form', { name: 'New catalog entry' })).toHaveCount(0);
  await page.goto(`${portal.url}/settings`);
  await settings.getByLabel('Keep raw events for').fill('90');
  await settings.getByLabel('Work email domains').fill('acme.example');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await expect(settings.getByLabel('Keep raw events for')).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent).toEqual(['POST /api/catalog/custom', 'PATCH /api/settings']);
});

test('the invitation page checks the password against the contract before the server, then shows the server’s refusal', async ({
  page,
}) => {
  const sent = changesSent(page);
  await page.goto(`${portal.url}/accept-invitation#${'x'.repeat(43)}`);
  const form = page.getByRole('form', { name: 'Choose your password' });
  const password = form.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('minlength', '12');
  await expect(password).toHaveAttribute('maxlength', '128');
  await password.fill('short');
  await form.getByLabel('Repeat the password').fill('different');
  await form.getByRole('button', { name: 'Create my account' }).click();
  await expectFieldError(password, /Use at least 12 characters/);
  await expectFieldError(form.getByLabel('Repeat the password'), 'The two passwords differ');
  expect(sent).toEqual([]);

  await password.fill('lantern orchard velvet 42');
  await form.getByLabel('Repeat the password').fill('lantern orchard velvet 42');
  await form.getByRole('button', { name: 'Create my account' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');
  expect(sent).toEqual(['POST /api/invitations/accept']);
});
