import { expect, test } from '@playwright/test';
import { addVendor, signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const PAT_PASSWORD = 'quiet harbour lantern 7921';

test('without SMTP, held links in the outbox go only to roles that could issue them', async ({ browser }) => {
  const permissions = ['clipboard-read', 'clipboard-write'];
  const adminContext = await browser.newContext({ permissions });
  const admin = await adminContext.newPage();
  await signIn(admin, portal.url, portal.admin.email, portal.admin.password);
  // The printed one-time password must be replaced before anything else.
  const me = (await (await admin.request.get(`${portal.url}/api/me`)).json()) as {
    user: { passwordChangeRequired?: boolean };
  };
  if (me.user.passwordChangeRequired) {
    const changed = await admin.request.post(`${portal.url}/api/auth/change-password`, {
      headers: { origin: portal.url },
      data: { currentPassword: portal.admin.password, newPassword: 'amber orchard telescope 4410' },
    });
    expect(changed.status()).toBe(200);
  }

  // The admin invites another admin and a procurement colleague; each invitation waits in the outbox.
  await admin.getByRole('link', { name: 'Users and roles', exact: true }).click();
  const form = admin.getByRole('form', { name: 'Invite a staff member' });
  let lastLink = '';
  const invite = async (name: string, email: string, role: string) => {
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByRole('button', { name: 'Invite' }).click();
    const field = admin.getByLabel('Invitation link');
    await expect(field).not.toHaveValue(lastLink);
    await expect(admin.getByRole('status')).toContainText('waits in the mail outbox for admins to copy');
    lastLink = await field.inputValue();
    return lastLink;
  };
  const adaLink = await invite('Ada Admin', 'ada@example.test', 'admin');
  const patLink = await invite('Pat Procurement', 'pat@example.test', 'procurement');
  const accepted = await admin.request.post(`${portal.url}/api/invitations/accept`, {
    headers: { origin: portal.url },
    data: { token: patLink.split('#')[1], password: PAT_PASSWORD },
  });
  expect(accepted.status()).toBe(201);

  // Procurement sends a questionnaire: the notice says where the link waits, and for whom.
  const patContext = await browser.newContext({ permissions });
  const pat = await patContext.newPage();
  await signIn(pat, portal.url, 'pat@example.test', PAT_PASSWORD);
  await addVendor(pat, 'Outbox Test AI');
  const vendorId = new URL(pat.url()).pathname.split('/').pop();
  await pat.goto(`${portal.url}/assessments/new?vendorId=${vendorId}`);
  await pat.getByLabel('Respondent name').fill('Val');
  await pat.getByLabel('Respondent email').fill('val@vendor.example');
  await pat.getByRole('button', { name: 'Create and send' }).click();
  await expect(pat.getByTestId('assessment-state')).toHaveText('Sent');
  const vendorLink = await pat.getByLabel('Questionnaire link').inputValue();
  await expect(pat.getByRole('status').filter({ hasText: 'val@vendor.example' })).toContainText(
    'the link waits in the mail outbox for admins and procurement to copy',
  );

  // The mail worker parks the mails as held within a few seconds.
  await pat
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Mail outbox', exact: true })
    .click();
  const row = (page: typeof pat, to: string) => page.getByRole('row').filter({ hasText: to });
  await expect(async () => {
    await pat.reload();
    await expect(row(pat, 'ada@example.test')).toContainText('held', { timeout: 1_000 });
    await expect(row(pat, 'val@vendor.example')).toContainText('held', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // Procurement: the admin invitation's link is hidden and says why; the questionnaire link can be copied.
  const adaRow = row(pat, 'ada@example.test');
  await expect(adaRow).toContainText('Only an admin can see this link.');
  await expect(adaRow.getByRole('button', { name: /Copy the link/ })).toHaveCount(0);
  await adaRow.getByText('Show text').click();
  await expect(adaRow.locator('pre')).toContainText('[link hidden: only an admin can see it]');
  expect(await pat.content()).not.toContain(adaLink.split('#')[1]!);
  await row(pat, 'val@vendor.example')
    .getByRole('button', { name: 'Copy the link for val@vendor.example' })
    .click();
  await expect(row(pat, 'val@vendor.example').getByRole('status')).toHaveText('Copied.');
  expect(await pat.evaluate(() => navigator.clipboard.readText())).toBe(vendorLink);

  // The admin, who could invite anyone anyway, may copy the invitation to hand it over.
  await admin
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Mail outbox', exact: true })
    .click();
  await row(admin, 'ada@example.test')
    .getByRole('button', { name: 'Copy the link for ada@example.test' })
    .click();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(adaLink);
  await adminContext.close();
  await patContext.close();
});
