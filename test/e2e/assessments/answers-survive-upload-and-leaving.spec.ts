import { expect, type Page, test } from '@playwright/test';
import { addVendor, createAndSendAssessment, signIn } from '../support/assessment-staff';
import { type RunningPortal, startPortal } from '../support/portal-process';

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortal();
});
test.afterAll(async () => portal?.stop());

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const field = (page: Page, questionId: string) => page.locator(`[id="q-${questionId}"]`);

async function openQuestionnaire(page: Page, vendorName: string): Promise<string> {
  await signIn(page, portal.url, portal.admin.email, portal.admin.password);
  await addVendor(page, vendorName);
  return createAndSendAssessment(page, { name: 'Noor', email: `noor@${vendorName.toLowerCase()}.example` });
}

/** What the server has stored for a question, read with the link's token as the vendor page does. */
async function storedAnswer(page: Page, link: string, questionId: string): Promise<unknown> {
  const res = await page.request.get(`${portal.url}/api/vendor/assessment`, {
    headers: { 'x-assessment-token': link.split('#')[1]! },
  });
  const body = (await res.json()) as { answers: Record<string, { value?: unknown }> };
  return body.answers[questionId]?.value ?? null;
}

test('answers typed just before an upload are kept: on screen, on the server, after a reload', async ({
  browser,
}, testInfo) => {
  const link = await openQuestionnaire(await browser.newPage(), 'Quickhand');
  const vendor = await (await browser.newContext()).newPage();
  await vendor.goto(link);
  await expect(vendor.getByText(/^0 of \d+ questions answered/)).toBeVisible();

  const upload = field(vendor, 'evd.pen_test-evidence-file');
  const evidenceBox = vendor.locator('.evidence').filter({ has: upload });
  await upload.setInputFiles({ name: 'pentest.pdf', mimeType: 'application/pdf', buffer: pdf });
  // A person answers a few questions and presses Upload straight away, well inside the autosave delay.
  await field(vendor, 'prov.models').fill('Claude Sonnet from Anthropic');
  await field(vendor, 'evd.last_external_audit').fill('2026-09-30');
  await field(vendor, 'profile.gpai_model').getByLabel('Yes, a model another company provides').check();
  await field(vendor, 'evd.trust_centre').fill('https://trust.quickhand.example');
  await evidenceBox.getByRole('button', { name: 'Upload' }).click();
  await expect(evidenceBox.locator('.file-name', { hasText: 'pentest.pdf' })).toBeVisible();

  // The upload's refresh left every answer in place, and the header says saved only once they are.
  await expect(field(vendor, 'prov.models')).toHaveValue('Claude Sonnet from Anthropic');
  await expect(field(vendor, 'evd.last_external_audit')).toHaveValue('2026-09-30');
  await expect(vendor.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible();
  // Four answers and the file.
  await expect(vendor.getByText(/^5 of \d+ questions answered/)).toBeVisible();
  await vendor.screenshot({ path: testInfo.outputPath('after-upload.png'), fullPage: false });

  await vendor.reload();
  await expect(field(vendor, 'prov.models')).toHaveValue('Claude Sonnet from Anthropic');
  await expect(field(vendor, 'evd.last_external_audit')).toHaveValue('2026-09-30');
  await expect(
    field(vendor, 'profile.gpai_model').getByLabel('Yes, a model another company provides'),
  ).toBeChecked();
  await expect(field(vendor, 'evd.trust_centre')).toHaveValue('https://trust.quickhand.example');
  await expect(vendor.getByText(/^5 of \d+ questions answered/)).toBeVisible();
  await expect(vendor.locator('.file-name', { hasText: 'pentest.pdf' })).toBeVisible();
});

test('an answer typed just before reloading or closing the page is saved on the way out', async ({
  browser,
}) => {
  const staff = await browser.newPage();
  const link = await openQuestionnaire(staff, 'Leaveearly');
  const context = await browser.newContext();
  const vendor = await context.newPage();
  await vendor.goto(link);
  await expect(field(vendor, 'prov.models')).toBeEditable();

  // Reloading at once, inside the autosave delay: the page sends the answer as it goes.
  await field(vendor, 'prov.models').fill('Mistral Large from Mistral AI');
  await vendor.reload();
  await expect.poll(() => storedAnswer(staff, link, 'prov.models')).toBe('Mistral Large from Mistral AI');
  await vendor.reload();
  await expect(field(vendor, 'prov.models')).toHaveValue('Mistral Large from Mistral AI');

  // Closing the tab at once does the same.
  await field(vendor, 'evd.trust_centre').fill('https://trust.leaveearly.example');
  await vendor.close();
  await expect
    .poll(() => storedAnswer(staff, link, 'evd.trust_centre'))
    .toBe('https://trust.leaveearly.example');
  const again = await context.newPage();
  await again.goto(link);
  await expect(field(again, 'evd.trust_centre')).toHaveValue('https://trust.leaveearly.example');
  await expect(field(again, 'prov.models')).toHaveValue('Mistral Large from Mistral AI');
});
