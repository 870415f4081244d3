import { expect, test } from '@playwright/test';
import { linkIn, startMailCatcher } from '../support/assessment-smtp';
import {
  answerVisibleQuestions,
  expectAccessible,
  expectNoHorizontalScroll,
} from '../support/assessment-vendor-page';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
const PASSWORD = 'procurement pass phrase 1';
const vendorEmail = 'vera@acme-ai.example';
const MODELS_ANSWER = 'GPT-4o from OpenAI, through Azure OpenAI in Sweden';

test.beforeAll(async () => {
  smtp = await startMailCatcher();
  portal = await startPortal({ SMTP_URL: smtp.url });
});
test.afterAll(async () => {
  await portal?.stop();
  await smtp?.stop();
});

test('procurement sends the A.10 questionnaire by mail; the vendor answers, uploads and submits through the link alone', async ({
  browser,
  playwright,
}) => {
  // The admin invites a procurement user; the invitation arrives over SMTP like any other mail.
  const adminApi = await playwright.request.newContext({
    baseURL: portal.url,
    extraHTTPHeaders: { origin: portal.url },
  });
  expect((await adminApi.post('/api/auth/sign-in/email', { data: portal.admin })).status()).toBe(200);
  expect(
    (
      await adminApi.post('/api/users/invitations', {
        data: { email: 'pat@corp.example', name: 'Pat Procurement', role: 'procurement' },
      })
    ).status(),
  ).toBe(201);
  const invite = await smtp.waitFor('pat@corp.example', /accept-invitation#/);
  const inviteToken = linkIn(invite, `${portal.url}/accept-invitation#`).split('#')[1];
  expect(
    (
      await adminApi.post('/api/invitations/accept', { data: { token: inviteToken, password: PASSWORD } })
    ).status(),
  ).toBe(201);
  await adminApi.dispose();

  // Procurement signs in, adds the vendor and sends the shipped questionnaire.
  const staff = await browser.newPage();
  await staff.goto(`${portal.url}/sign-in`);
  await staff.getByLabel('Email').fill('pat@corp.example');
  await staff.getByLabel('Password').fill(PASSWORD);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  await staff.getByRole('link', { name: 'Vendors', exact: true }).click();
  const addVendor = staff.getByRole('form', { name: 'Add a vendor' });
  await addVendor.getByLabel('Name').fill('Acme AI Ltd');
  await addVendor.getByLabel('Website').fill('https://acme-ai.example');
  await addVendor.getByRole('button', { name: 'Add vendor' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Acme AI Ltd' })).toBeVisible();
  const addContact = staff.getByRole('form', { name: 'Add a contact' });
  await addContact.getByLabel('Name').fill('Vera Vendor');
  await addContact.getByLabel('Email').fill(vendorEmail);
  await addContact.getByLabel('Primary contact').check();
  await addContact.getByRole('button', { name: 'Add contact' }).click();
  await expect(staff.getByRole('cell', { name: vendorEmail })).toBeVisible();
  await staff.getByRole('link', { name: 'Send this vendor an assessment' }).click();
  await expect(staff.getByLabel('Respondent email')).toHaveValue(vendorEmail);
  // Our own use, stated by us: public information only, no decisions about people, minimal risk.
  const use = staff.getByRole('group', { name: 'Our use of this service' });
  await use.getByLabel('What we will use it for').fill('Drafting internal policy documents');
  await use.getByLabel('Public information').check();
  await use.getByLabel(/^Does it feed decisions about people/).selectOption({
    label: 'No: it does not feed decisions about people',
  });
  await use.getByLabel('Does it act on its own?').selectOption({ label: 'It only produces text or content' });
  await use.getByLabel('EU AI Act class for our use').selectOption({ label: 'Minimal risk' });
  await staff.getByRole('button', { name: 'Create and send' }).click();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Sent');
  // SMTP is configured, so the link is never shown to staff.
  await expect(staff.getByLabel('Questionnaire link')).toHaveCount(0);

  // The vendor opens the link from the mail, in a browser with no portal session.
  const mail = await smtp.waitFor(vendorEmail, /\/v#/);
  expect(mail.text).toContain('ISO/IEC 42001 A.10 AI supplier assessment');
  const link = linkIn(mail, `${portal.url}/v#`);
  const vendorContext = await browser.newContext();
  const vendor = await vendorContext.newPage();
  const tokenInQuery: string[] = [];
  vendor.on('request', (r) => {
    if (r.url().includes(link.split('#')[1]!)) tokenInQuery.push(r.url());
  });
  await vendor.goto(link);
  await expect(
    vendor.getByRole('heading', { level: 1, name: 'ISO/IEC 42001 A.10 AI supplier assessment' }),
  ).toBeVisible();
  await expect(
    vendor.getByRole('region', { name: 'How the organisation intends to use the service' }),
  ).toContainText('Drafting internal policy documents');
  await expect(vendor.locator('main section.q-section h2').first()).toHaveText(
    'About your service and your role',
  );
  await expectAccessible(vendor);
  // Jumping to a section keeps the token in the address, so a reload still works.
  await vendor.getByRole('navigation', { name: 'Sections' }).getByRole('link').last().click();
  expect(vendor.url()).toBe(link);

  // Our low-risk use leaves out what it does not need: no data of ours, so no training section.
  const sectionHeading = (name: string) => vendor.getByRole('heading', { level: 2, name, exact: true });
  await expect(sectionHeading('Training on our data')).toHaveCount(0);
  // The vendor's own classification switches sections too: unanswered counts as unknown and shows
  // human oversight, "minimal risk" leaves it out, "high-risk" brings it back.
  await expect(sectionHeading('Human oversight')).toBeVisible();
  const aiActClass = vendor.locator('[id="q-profile.ai_act_class"]');
  await aiActClass.getByLabel('Minimal risk, no specific duties').check();
  await expect(sectionHeading('Human oversight')).toHaveCount(0);
  const before = await vendor.locator('main section.q-section').count();
  await aiActClass.getByLabel('High-risk AI system (Art. 6 and Annex III, or a regulated product)').check();
  await expect(sectionHeading('Human oversight')).toBeVisible();
  expect(await vendor.locator('main section.q-section').count()).toBeGreaterThan(before);
  await answerVisibleQuestions(vendor, { 'q-prov.models': MODELS_ANSWER });
  await expect(vendor.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  // Everything but the optional file questions is answered.
  const progressText = (await vendor.getByText(/questions answered/).textContent()) ?? '';
  const [answered, total] = (progressText.match(/\d+/g) ?? []).map(Number);
  const fileQuestions = await vendor.locator('main p.question-text[id^="q-"]').count();
  expect(fileQuestions).toBeGreaterThan(0);
  expect(total! - answered!).toBe(fileQuestions);

  // Evidence: an executable disguised as a PDF is refused; a real PDF is accepted.
  const upload = vendor.locator('[id="q-evd.pen_test-evidence-file"]');
  const evidenceBox = vendor.locator('.evidence').filter({ has: upload });
  await upload.setInputFiles({
    name: 'pentest.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00 not really a pdf'),
  });
  await evidenceBox.getByRole('button', { name: 'Upload' }).click();
  await expect(evidenceBox.getByRole('alert')).toContainText('not accepted');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await upload.setInputFiles({ name: 'pentest-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
  await evidenceBox.getByRole('button', { name: 'Upload' }).click();
  await expect(evidenceBox.locator('.file-name', { hasText: 'pentest-2026.pdf' })).toBeVisible();

  await expectAccessible(vendor);
  await vendor.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(vendor);
  await expectAccessible(vendor);

  await expect(vendor.getByRole('status').filter({ hasText: /Saved at|All answers saved/ })).toBeVisible();
  await expect(vendor.locator('main .question .field-error')).toHaveCount(0);
  await vendor.getByRole('button', { name: 'Submit answers' }).click();
  await expect(vendor.locator('.submit-errors')).toBeEmpty();
  await expect(vendor.getByText(/^Submitted on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(vendor.locator('main textarea[id^="q-"]').first()).toBeDisabled();
  expect(tokenInQuery).toEqual([]);
  await vendorContext.close();

  // Procurement sees the submission with the answers and can download the file as an attachment.
  await staff.reload();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Submitted');
  await expect(staff.locator('[id="answer-prov.models"]')).toContainText(MODELS_ANSWER);
  const fileLink = staff.getByRole('link', { name: 'pentest-2026.pdf' });
  await expect(fileLink).toBeVisible();
  const download = await staff.request.get(`${portal.url}${await fileLink.getAttribute('href')}`);
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
  await expect(staff.getByRole('cell', { name: 'Submitted', exact: true })).toBeVisible();
});
