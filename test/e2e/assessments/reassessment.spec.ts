import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { linkIn, startMailCatcher } from '../support/assessment-smtp';
import { answerVisibleQuestions } from '../support/assessment-vendor-page';
import { type RunningPortal, startPortal } from '../support/portal-process';

/**
 * Reassessment end to end: a decided vendor with an incident appears on "Due for review";
 * procurement starts the next cycle; the vendor finds last cycle's answers filled in, confirms one,
 * changes one and submits; staff see what changed.
 */
const screenshots = resolve(import.meta.dirname, '../../test-results');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PASSWORD = 'procurement pass phrase 1';
const PAT = 'pat@corp.example';
const VENDOR_EMAIL = 'vera@acme-ai.example';
const OLD_MODELS = 'GPT-4o from OpenAI';
const NEW_MODELS = 'GPT-4o from OpenAI and Claude from Anthropic';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let portal: RunningPortal;
let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  smtp = await startMailCatcher();
  portal = await startPortal({ SMTP_URL: smtp.url });
});
// The portal's own log, printed when the test fails (the CI log is all a later reader has).
// biome-ignore lint/correctness/noEmptyPattern: Playwright wants its fixtures argument destructured, and none is needed.
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus && portal)
    console.log(`portal output (last 80 lines):\n${portal.output().split('\n').slice(-80).join('\n')}`);
});
test.afterAll(async () => {
  await portal?.stop();
  await smtp?.stop();
});

/** The newest questionnaire link mailed to the vendor, once there are `count` of them. */
async function vendorLink(count: number): Promise<string> {
  const links = () => smtp.mails.filter((m) => m.to.includes(VENDOR_EMAIL) && /\/v#/.test(m.text));
  await expect.poll(() => links().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
  return linkIn(links()[count - 1]!, `${portal.url}/v#`);
}

test('procurement starts a reassessment from Due for review; the vendor confirms and changes; staff see the diff', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(300_000);
  const admin = await playwright.request.newContext({
    baseURL: portal.url,
    extraHTTPHeaders: { origin: portal.url },
  });
  expect((await admin.post('/api/auth/sign-in/email', { data: portal.admin })).status()).toBe(200);
  expect(
    (
      await admin.post('/api/users/invitations', {
        data: { email: PAT, name: 'Pat Procurement', role: 'procurement' },
      })
    ).status(),
  ).toBe(201);
  const invite = await smtp.waitFor(PAT, /accept-invitation#/, 60_000);
  const token = linkIn(invite, `${portal.url}/accept-invitation#`).split('#')[1];
  expect(
    (await admin.post('/api/invitations/accept', { data: { token, password: PASSWORD } })).status(),
  ).toBe(201);
  // Nothing is due yet: the page says what would put a vendor there.
  const staff = await browser.newPage();
  await staff.goto(`${portal.url}/sign-in`);
  await staff.getByLabel('Email').fill(PAT);
  await staff.getByLabel('Password').fill(PASSWORD);
  await staff.getByRole('button', { name: 'Sign in' }).click();
  // Signed in: the navigation appears (or the sign-in page says why not, and this fails with it).
  const dueForReview = staff.getByRole('link', { name: 'Due for review', exact: true });
  await expect(dueForReview).toBeVisible({ timeout: 30_000 });
  await dueForReview.click();
  await expect(staff.getByText('Nothing is due for review')).toBeVisible();
  await staff.screenshot({ path: `${screenshots}/reassessment-0-nothing-due.png` });

  // One admin plays reviewer and approver in this small organisation.
  expect(
    (await admin.patch('/api/settings', { data: { separateApproverFromReviewer: false } })).status(),
  ).toBe(200);

  // Cycle 1, through the API and the vendor page: sent, answered with a file, reviewed, approved.
  const vendor = await admin.post('/api/vendors', { data: { name: 'Acme AI Ltd' } });
  const { id: vendorId } = (await vendor.json()) as { id: string };
  const sent = await admin.post('/api/assessments', {
    data: {
      vendorId,
      serviceId: 'openai-chatgpt',
      respondentName: 'Vera Vendor',
      respondentEmail: VENDOR_EMAIL,
      dueOn: inDays(21),
      send: true,
      useContext: {
        purpose: 'Drafting internal documents',
        dataCategories: ['internal'],
        expectedUsers: 40,
        decisionsAboutPeople: 'none',
        autonomy: 'none',
        euAiActClass: 'minimal',
      },
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const { id: firstId } = (await sent.json()) as { id: string };
  const vendorContext = await browser.newContext();
  const page1 = await vendorContext.newPage();
  await page1.goto(await vendorLink(1));
  await answerVisibleQuestions(page1, { 'q-prov.models': OLD_MODELS });
  const upload = page1.locator('[id="q-evd.pen_test-evidence-file"]');
  await upload.setInputFiles({ name: 'pentest-2026.pdf', mimeType: 'application/pdf', buffer: PDF });
  const evidenceBox = page1.locator('.evidence').filter({ has: upload });
  await evidenceBox.getByRole('button', { name: 'Upload' }).click();
  await expect(evidenceBox.locator('.file-name', { hasText: 'pentest-2026.pdf' })).toBeVisible();
  await expect(page1.getByRole('status').filter({ hasText: /Saved at|All answers saved/ })).toBeVisible();
  await page1.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page1.getByText(/^Submitted on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  expect((await admin.post(`/api/assessments/${firstId}/start-review`)).status()).toBe(200);
  // One assessment's findings fit one largest page.
  const findings = (await (await admin.get(`/api/findings?assessmentId=${firstId}&limit=500`)).json()) as {
    items: { id: string; status: string }[];
  };
  for (const f of findings.items.filter((x) => x.status === 'open')) {
    const accepted = await admin.post(`/api/findings/${f.id}/transition`, {
      data: { event: 'accept_risk', note: 'Accepted for the pilot' },
    });
    expect(accepted.status(), await accepted.text()).toBe(200);
  }
  const decided = await admin.post(`/api/assessments/${firstId}/decision`, {
    data: { outcome: 'approve', reason: 'Meets our requirements for internal drafting' },
  });
  expect(decided.status(), await decided.text()).toBe(201);
  // The vendor had an outage: recorded on the vendor page, it brings the review forward.
  expect(
    (
      await admin.post(`/api/vendors/${vendorId}/incidents`, {
        data: {
          occurredOn: inDays(-1),
          description: 'Six-hour outage; prompts queued in another region',
          severity: 'high',
          source: 'vendor_notice',
        },
      })
    ).status(),
  ).toBe(201);
  await admin.dispose();

  // Procurement opens Due for review and starts the next cycle.
  await staff.reload();
  const row = staff.getByRole('row', { name: /Acme AI Ltd/ });
  await expect(row.getByText('Incident', { exact: true })).toBeVisible();
  await expect(row).toContainText('Six-hour outage');
  await expect(row).toContainText('due today');
  await staff.screenshot({ path: `${screenshots}/reassessment-1-due-for-review.png`, fullPage: true });
  await row.getByRole('link', { name: 'Acme AI Ltd' }).click();
  const dueNotice = staff.getByRole('region', { name: /^Due for review: due today/ });
  await expect(dueNotice).toContainText('Six-hour outage');
  await dueNotice.screenshot({ path: `${screenshots}/reassessment-1b-vendor-due-notice.png` });
  await staff.goBack();
  await row.getByRole('button', { name: /Start reassessment/ }).click();
  await row.getByRole('button', { name: 'Send reassessment' }).click();
  await expect(staff.getByTestId('assessment-state')).toHaveText('Sent');
  const secondPath = new URL(staff.url()).pathname;

  // The vendor finds last cycle's answers filled in: confirms the pen test, changes the models.
  const page2 = await vendorContext.newPage();
  await page2.goto(await vendorLink(2));
  await expect(page2.getByText(/This is a reassessment/)).toBeVisible();
  const models = page2.locator('[id="q-prov.models"]');
  await expect(models).toHaveValue(OLD_MODELS);
  const penTest = page2
    .locator('.question')
    .filter({ has: page2.locator('[id="q-evd.pen_test-evidence-file"]') });
  await expect(penTest.getByText('From your last assessment.')).toBeVisible();
  await expect(penTest.locator('.file-name', { hasText: 'pentest-2026.pdf' })).toBeVisible();
  await page2.screenshot({ path: `${screenshots}/reassessment-2-vendor-prefilled.png`, fullPage: false });
  await penTest.screenshot({ path: `${screenshots}/reassessment-2b-carried-question.png` });
  await penTest.getByRole('button', { name: 'Still true: confirm' }).click();
  await expect(penTest.getByText(/Confirmed: still true/)).toBeVisible();
  await models.fill(NEW_MODELS);
  const modelsCard = page2.locator('.question').filter({ has: models });
  await expect(modelsCard.getByText(/Changed since your last assessment/)).toBeVisible();
  await modelsCard.screenshot({ path: `${screenshots}/reassessment-2c-changed-question.png` });
  await page2
    .getByRole('region', { name: 'Tell us about a material change' })
    .screenshot({ path: `${screenshots}/reassessment-2d-material-change.png` });
  // Submitting with answers still unconfirmed is refused and lists them.
  await page2.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page2.locator('.submit-errors')).toContainText('confirm it is still true, or change it');
  for (let i = 0; i < 30; i++) {
    const confirmAll = page2.getByRole('button', { name: /^Confirm the \d+ answers from last time/ }).first();
    const confirmOne = page2.getByRole('button', { name: 'Still true: confirm' }).first();
    if ((await confirmAll.count()) > 0) await confirmAll.click();
    else if ((await confirmOne.count()) > 0) await confirmOne.click();
    else break;
    await expect(page2.locator('button:disabled', { hasText: /confirm/i })).toHaveCount(0);
  }
  await expect(page2.getByText('You have confirmed or changed each of them.')).toBeVisible();
  await page2.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page2.getByText(/^Submitted on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await vendorContext.close();

  // Staff see what changed since cycle 1.
  await staff.goto(`${portal.url}${secondPath}`);
  const diff = staff.getByRole('region', { name: /what changed since/ });
  await expect(diff).toBeVisible();
  const changed = diff.getByTestId('diff-prov.models');
  await expect(changed).toContainText(OLD_MODELS);
  await expect(changed).toContainText(NEW_MODELS);
  await expect(changed).toContainText('changed by the vendor');
  await diff.getByText(/answers unchanged/).click();
  await expect(diff).toContainText('files kept: pentest-2026.pdf');
  await diff.screenshot({ path: `${screenshots}/reassessment-3-cycle-diff.png` });

  // The vendor page shows the incident and the new cycle.
  await staff.goto(`${portal.url}/vendors/${vendorId}`);
  await expect(staff.getByRole('table', { name: 'Incidents' })).toContainText('Six-hour outage');
  // The incident counted until the new cycle started; the vendor is no longer due.
  await expect(staff.getByRole('table', { name: 'Assessments' })).toContainText('Submitted');
  await expect(staff.getByRole('heading', { name: /^Due for review/ })).toHaveCount(0);
  await staff.screenshot({ path: `${screenshots}/reassessment-4-vendor-page.png`, fullPage: true });
});
