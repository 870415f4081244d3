import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, expect as baseExpect, type Page, test } from '@playwright/test';
import { effectiveOptions } from '@sightline/shared/questionnaire/question-helpers';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import { linkIn, startMailCatcher } from '../support/assessment-smtp';
import { signIn } from '../support/assessment-staff';
import { answerVisibleQuestions } from '../support/assessment-vendor-page';
import {
  EXTENSION_ID,
  type ExtensionBrowser,
  enrollThroughOptions,
  launchWithExtension,
  removeTestManagedPolicy,
  syncPolicyNow,
} from '../support/extension-browser';
import { type FakeSites, startFakeSites } from '../support/extension-fake-sites';
import { adminApi } from '../support/extension-portal-api';
import { type RunningPortal, startPortal } from '../support/portal-process';
import { adminSession, inviteStaff, type StaffMember } from '../support/staff-accounts';

/**
 * The whole loop as people do it: an employee meets the warning page and asks for access; procurement
 * assesses the service; the vendor answers by mail; a reviewer verifies, overrides and flags; the
 * approver is held back by the open finding, then approves with conditions once it is resolved; the
 * employee's browser shows the conditions instead of the warning; the inventory lists the system.
 */

// Two shared cores and several engineers: generous, but every wait is bounded.
const expect = baseExpect.configure({ timeout: 30_000 });
/** The outbox worker sends every 5 s; a loaded machine stretches that. */
const MAIL_WAIT = 60_000;
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const SERVICE = { id: 'mistral-le-chat', name: 'Le Chat', host: 'chat.mistral.ai' };
const VENDOR = { name: 'Mistral AI', contact: 'Vera Vendor', email: 'vera@mistral-ai.example' };
const EMPLOYEE = 'erin@corp.example';
const CONDITIONS = 'Public and internal documents only. No customer or personal data.';
const OVERRIDE_REASON = "Certificate and scope checked on the certification body's public register";
const procurement: StaffMember = {
  email: 'pat@corp.example',
  name: 'Pat Procurement',
  role: 'procurement',
  password: 'copper kettle meadow 2291',
};
const reviewer: StaffMember = {
  email: 'rita@corp.example',
  name: 'Rita Reviewer',
  role: 'reviewer',
  password: 'violet canyon ledger 8804',
};
const approver: StaffMember = {
  email: 'alex@corp.example',
  name: 'Alex Approver',
  role: 'approver',
  password: 'silver orchard compass 5127',
};
/** The question the reviewer overrides (no certificate was uploaded) and the one flagged as a finding. */
const OVERRIDDEN_ID = 'gov.iso42001';
const FLAGGED_ID = 'eval.red_team';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PEN_TEST_FILE = 'evd-pen_test.pdf';
const screenshots = resolve(import.meta.dirname, '../../test-results');

let portal: RunningPortal;
let smtp: Awaited<ReturnType<typeof startMailCatcher>>;
let sites: FakeSites;
let extension: ExtensionBrowser;
let profile: string;
const staffContexts: BrowserContext[] = [];
/** One signed-in page per staff member, each in a browser context of its own (their own cookies). */
const staffPages = new Map<string, Page>();
let assessmentPath: string;
/** The questionnaire as sent with this assessment (read back from the portal, not assumed). */
let template: Template;

const questionsOf = (t: Template) => t.sections.flatMap((s) => s.questions);

function question(id: string) {
  const found = questionsOf(template).find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id} in the questionnaire sent`);
  return found;
}

/**
 * A vendor with good practice: on every choice the option worth most points that is neither a
 * knock-out nor "we cannot say", and a low-risk profile (internal documents, minimal-risk class). The
 * first option is not always the best one (v1's first answer to "any prohibited practice?" is "Yes").
 * Read from the questionnaire sent, so it holds for whichever version is the default.
 */
function strongAnswers(): Record<string, string> {
  const picks: Record<string, string> = {};
  for (const q of questionsOf(template)) {
    const best = effectiveOptions(q)
      .filter((o) => !o.knockOut && !(o as { unknown?: boolean }).unknown)
      .sort((a, b) => (b.points ?? 0) - (a.points ?? 0))[0];
    if (best) picks[`q-${q.id}`] = best.label;
  }
  return {
    ...picks,
    'q-profile.data_categories': 'Internal, non-sensitive information',
    'q-profile.ai_act_class': 'Minimal risk, no specific duties',
  };
}

async function staffPage(browser: Browser, person: StaffMember): Promise<Page> {
  const existing = staffPages.get(person.email);
  if (existing) return existing;
  const context = await browser.newContext();
  staffContexts.push(context);
  const page = await context.newPage();
  await signIn(page, portal.url, person.email, person.password);
  staffPages.set(person.email, page);
  return page;
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(420_000);
  removeTestManagedPolicy();
  smtp = await startMailCatcher();
  [portal, sites] = await Promise.all([startPortal({ SMTP_URL: smtp.url }), startFakeSites()]);
  const adminHttp = await adminSession(playwright.request, portal);
  await inviteStaff(adminHttp, playwright.request, portal, smtp, [procurement, reviewer, approver]);
  await adminHttp.dispose();

  const admin = await adminApi(portal);
  // Coach mode: an unapproved service gets the warning page. Requesters named by email get mail.
  await admin.settings({
    mode: 'coach',
    name: 'Acme',
    emailDomains: ['corp.example'],
    pseudonymiseUsers: false,
  });
  await admin.setPolicy(SERVICE.id, { state: 'unapproved' });
  const { token } = await admin.createToken();
  profile = mkdtempSync(join(tmpdir(), 'sl-loop-'));
  extension = await launchWithExtension(profile, sites.resolverRules);
  await enrollThroughOptions(extension, portal.url, token, EMPLOYEE);
  await syncPolicyNow(extension);
});

test.afterAll(async () => {
  for (const context of staffContexts) await context.close();
  await extension?.close();
  await Promise.all([portal?.stop(), sites?.close(), smtp?.stop()]);
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('the extension warns the employee away from an unapproved service, and they ask for access', async () => {
  const page = await extension.context.newPage();
  await page.goto(sites.url(SERVICE.host));
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/warning\\.html#`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${SERVICE.name} is not approved by Acme`);
  const form = page.getByRole('form', { name: 'Request access' });
  await form.getByLabel('Why do you need it?').fill('Our French support team needs a French-first model');
  await form.getByLabel('What will you use it for?').fill('Drafting replies from internal help articles');
  await form.getByLabel('Internal documents').check();
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status')).toContainText('Your request was sent to Acme');
  await page.close();
});

test('procurement starts the assessment from the request; the request shows as in assessment', async ({
  browser,
}) => {
  const page = await staffPage(browser, procurement);
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  const addVendor = page.getByRole('form', { name: 'Add a vendor' });
  await addVendor.getByLabel('Name').fill(VENDOR.name);
  await addVendor.getByLabel('Website').fill('https://mistral-ai.example');
  await addVendor.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: VENDOR.name })).toBeVisible();
  const addContact = page.getByRole('form', { name: 'Add a contact' });
  await addContact.getByLabel('Name').fill(VENDOR.contact);
  await addContact.getByLabel('Email').fill(VENDOR.email);
  await addContact.getByLabel('Primary contact').check();
  await addContact.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('cell', { name: VENDOR.email })).toBeVisible();

  await page.getByRole('link', { name: 'Access requests', exact: true }).click();
  const group = page.getByRole('region', { name: `Requests for ${SERVICE.name}` });
  await expect(group.getByRole('cell', { name: EMPLOYEE })).toBeVisible();
  await group.getByRole('link', { name: 'start an assessment' }).click();
  await expect(page.getByText("Starting from an employee's access request")).toBeVisible();
  await expect(page.getByLabel('Catalog service (optional)')).toHaveValue(SERVICE.id);
  await page.getByRole('combobox', { name: /^Vendor/ }).selectOption({ label: VENDOR.name });
  await expect(page.getByLabel('Respondent email')).toHaveValue(VENDOR.email);
  await page.getByRole('button', { name: 'Create and send' }).click();
  await expect(page.getByTestId('assessment-state')).toHaveText('Sent');
  assessmentPath = new URL(page.url()).pathname;
  expect(assessmentPath).toMatch(/^\/assessments\/[0-9a-f-]{36}$/);
  const detail = await page.request.get(`${portal.url}/api${assessmentPath}`);
  template = ((await detail.json()) as { questions: Template }).questions;

  await page.getByRole('link', { name: 'Access requests', exact: true }).click();
  const request = page.getByRole('region', { name: `Requests for ${SERVICE.name}` }).getByRole('row', {
    name: new RegExp(EMPLOYEE),
  });
  await expect(request.getByRole('combobox')).toHaveValue('in_assessment');
  await expect(request.getByRole('link', { name: 'open its assessment' })).toHaveAttribute(
    'href',
    assessmentPath,
  );

  // The employee's browser learns it at its next sync: the warning page says the request is being assessed.
  await syncPolicyNow(extension);
  const warning = await extension.context.newPage();
  await warning.goto(sites.url(SERVICE.host));
  await expect(warning).toHaveURL(/warning\.html#/);
  await expect(warning.getByTestId('request-standing')).toContainText('Your request is being assessed');
  await warning.close();
});

test('the vendor answers through the link that arrived by mail, uploads evidence and submits', async ({
  browser,
}) => {
  const mail = await smtp.waitFor(VENDOR.email, /\/v#/, MAIL_WAIT);
  const link = linkIn(mail, `${portal.url}/v#`);
  const context = await browser.newContext();
  staffContexts.push(context);
  const vendor = await context.newPage();
  await vendor.goto(link);
  await expect(vendor.getByRole('heading', { level: 1, name: template.title })).toBeVisible();
  await vendor.locator('main section.q-section').first().waitFor();
  // Version 1 asks the vendor what we will use the service for (version 2 takes it from us).
  const purpose = vendor.getByLabel('In a few sentences, what will the service do for our organisation? *');
  if ((await purpose.count()) > 0)
    await purpose.fill('Drafting replies to support tickets from internal help articles');
  await answerVisibleQuestions(vendor, strongAnswers());

  // A vendor with nothing to hide uploads a file for every upload question (the pen test is verified later).
  for (const q of questionsOf(template).filter((q) => q.type === 'file')) {
    const upload = vendor.locator(`[id="q-${q.id}-evidence-file"]`);
    if ((await upload.count()) === 0) continue;
    const evidenceBox = vendor.locator('.evidence').filter({ has: upload });
    const name = `${q.id.replace(/\W/g, '-')}.pdf`;
    await upload.setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    const expiry = vendor.locator(`[id="q-${q.id}-evidence-expiry"]`);
    if ((await expiry.count()) > 0) await expiry.fill('2027-12-31');
    await evidenceBox.getByRole('button', { name: 'Upload' }).click();
    await expect(evidenceBox.locator('.file-name', { hasText: name })).toBeVisible();
  }
  await expect(vendor.getByText(/questions answered/)).toHaveText(/^(\d+) of \1 questions answered$/);
  await expect(vendor.getByRole('status').filter({ hasText: /Saved at|All answers saved/ })).toBeVisible();
  await vendor.getByRole('button', { name: 'Submit answers' }).click();
  await expect(vendor.getByText(/^Submitted on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await context.close();
});

test('a reviewer verifies the file, overrides one answer with a reason and flags a finding', async ({
  browser,
}) => {
  const page = await staffPage(browser, reviewer);
  await page.goto(`${portal.url}${assessmentPath}`);
  await expect(page.getByTestId('assessment-state')).toHaveText('Submitted');
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByTestId('assessment-state')).toHaveText('Under review');

  await page.getByRole('button', { name: `Mark verified (${PEN_TEST_FILE})` }).click();
  await expect(page.getByRole('button', { name: `Withdraw verification (${PEN_TEST_FILE})` })).toBeVisible();

  const OVERRIDDEN = question(OVERRIDDEN_ID);
  const FLAGGED = question(FLAGGED_ID);
  const score = page.getByRole('region', { name: 'Score', exact: true });
  const overridden = score.getByRole('row', { name: new RegExp(OVERRIDDEN.id.replace('.', '\\.')) });
  await overridden.getByText(`Override the points of “${OVERRIDDEN.text}”`).click();
  await overridden.getByLabel('Points (% of full assurance)').fill('100');
  await overridden.getByLabel('Reason (kept with the score)').fill(OVERRIDE_REASON);
  await overridden.getByRole('button', { name: 'Save override' }).click();
  await expect(overridden.locator('.override-note')).toContainText(
    // The score names who overrode by their sign-in email (kept in the stored score for the audit).
    new RegExp(`^100\\s*% instead of \\d+\\s*% by ${reviewer.email}: “${OVERRIDE_REASON}”$`),
  );
  await expect(overridden.getByRole('cell', { name: /^100\s*%$/ })).toBeVisible();

  await score.getByRole('button', { name: `Flag as finding (${FLAGGED.id})` }).click();
  const flagged = score.getByRole('row', { name: new RegExp(FLAGGED.id.replace('.', '\\.')) });
  await expect(flagged.getByText('finding raised')).toBeVisible();
  // The flagged question is the only finding: good answers raise none by themselves.
  const row = page.getByRole('table', { name: 'Findings' }).getByTestId('finding-row');
  await expect(row.locator('strong')).toHaveText([FLAGGED.text]);
  await expect(row).toContainText('flagged by a reviewer');
  await expect(row.getByText('Open', { exact: true })).toBeVisible();

  await score.screenshot({ path: join(screenshots, 'whole-loop-1-score-view.png') });
});

test('the approver is refused while the finding is open, with the reason (409)', async ({ browser }) => {
  const FLAGGED = question(FLAGGED_ID);
  const page = await staffPage(browser, approver);
  await page.goto(`${portal.url}${assessmentPath}`);
  await expect(page.getByTestId('assessment-state')).toHaveText('Under review');
  await page.getByRole('button', { name: 'Record the decision…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decision' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('1 finding is still open');
  await expect(dialog.getByRole('status')).toContainText(FLAGGED.text);
  await dialog.getByRole('radio', { name: /^Approve with conditions/ }).check();
  await dialog.getByLabel(/^Conditions staff must follow/).fill(CONDITIONS);
  await dialog.getByLabel(/^Reason/).fill('Strong answers; limited to non-sensitive data for now.');
  await page.screenshot({ path: join(screenshots, 'whole-loop-2-decision-dialog.png') });

  const refused = page.waitForResponse(
    (r) => r.url().endsWith(`/api${assessmentPath}/decision`) && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  expect((await refused).status()).toBe(409);
  await expect(dialog.getByRole('alert')).toHaveText(
    `1 finding is still open ("${FLAGGED.text}"): resolve it or accept the risk before approving`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('assessment-state')).toHaveText('Under review');
});

test('the reviewer resolves the finding', async ({ browser }) => {
  const FLAGGED = question(FLAGGED_ID);
  const page = await staffPage(browser, reviewer);
  await page.reload();
  const row = page.getByRole('table', { name: 'Findings' }).getByTestId('finding-row');
  await row.getByText(`Manage “${FLAGGED.text}”`).click();
  await row
    .getByRole('combobox', { name: /^Change status/ })
    .selectOption({ label: 'Resolve (the fix holds)' });
  await row
    .getByLabel('Note (required to accept a risk)')
    .fill('Red-team report seen on a call with the vendor');
  await row.getByRole('button', { name: 'Apply' }).click();
  await expect(row.getByText('Resolved', { exact: true })).toBeVisible();
});

test('the approver approves with conditions; the requester is told by mail', async ({ browser }) => {
  const page = await staffPage(browser, approver);
  await page.reload();
  await page.getByRole('button', { name: 'Record the decision…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decision' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('still open')).toHaveCount(0);
  await dialog.getByRole('radio', { name: /^Approve with conditions/ }).check();
  await dialog.getByLabel(/^Conditions staff must follow/).fill(CONDITIONS);
  await dialog.getByLabel(/^Reason/).fill('Strong answers; limited to non-sensitive data for now.');
  const recorded = page.waitForResponse(
    (r) => r.url().endsWith(`/api${assessmentPath}/decision`) && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  expect((await recorded).status()).toBe(201);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('assessment-state')).toHaveText('Decided');
  const record = page.getByTestId('decision-record');
  await expect(record).toContainText('Approve with conditions');
  await expect(record).toContainText(CONDITIONS);
  await expect(record).toContainText(approver.name);

  const mail = await smtp.waitFor(EMPLOYEE, /approved with conditions/, MAIL_WAIT);
  expect(mail.text).toContain(`Acme decided: ${SERVICE.name} is approved with conditions`);
  expect(mail.text).toContain(CONDITIONS);
});

test("after the extension's next sync the site shows the conditions banner, and the popup the outcome", async () => {
  await syncPolicyNow(extension);
  const page = await extension.context.newPage();
  await page.goto(sites.url(SERVICE.host, '/chat'));
  await expect(page.getByRole('heading', { name: `Fake AI service at ${SERVICE.host}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`^https?://${SERVICE.host.replaceAll('.', '\\.')}:\\d+/chat$`));
  const banner = page.locator('sightline-banner').getByRole('status');
  await expect(banner).toContainText(`${SERVICE.name} is approved with conditions`);
  await expect(banner).toContainText(`Acme allows ${SERVICE.name} on these conditions:`);
  await expect(banner).toContainText(CONDITIONS);
  await page.screenshot({ path: join(screenshots, 'whole-loop-3-conditions-banner.png') });
  await page.close();

  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 420, height: 720 });
  await popup.goto(extension.extensionUrl(`/popup.html?url=${encodeURIComponent(sites.url(SERVICE.host))}`));
  const site = popup.getByRole('region', { name: 'This site' });
  await expect(site).toContainText('Approved with conditions');
  await expect(site).toContainText(`Conditions: ${CONDITIONS}`);
  await expect(site.getByTestId('request-standing')).toHaveText('Approved with the conditions above.');
  await popup.screenshot({ path: join(screenshots, 'whole-loop-4-popup.png'), fullPage: true });
  await popup.close();
});

test("the inventory lists the system with its supplier's tier and responsibilities", async ({ browser }) => {
  const page = await staffPage(browser, procurement);
  const decision = (await (await page.request.get(`${portal.url}/api${assessmentPath}/decision`)).json()) as {
    tier: string;
    residualTier: string;
    aiSystemId: string;
  };
  // The approver kept the scored tier.
  expect(decision.tier).toMatch(/^(low|medium|high|critical)$/);
  expect(decision.tier).toBe(decision.residualTier);

  await page.getByRole('link', { name: 'AI system inventory' }).click();
  const system = page.getByRole('row', { name: new RegExp(SERVICE.name) });
  await expect(system.getByRole('link', { name: VENDOR.name })).toBeVisible();
  await expect(system.getByText(decision.tier, { exact: true })).toBeVisible();
  await system.getByRole('link', { name: SERVICE.name }).click();
  await expect(page).toHaveURL(`${portal.url}/inventory/${decision.aiSystemId}`);
  await expect(page.getByRole('heading', { level: 1, name: SERVICE.name })).toBeVisible();

  const supplier = page.getByTestId('supplier');
  await expect(supplier.getByRole('heading', { level: 3 })).toHaveText(
    `${VENDOR.name} ${decision.tier} risk`,
  );
  const responsibilities = supplier.getByRole('table', { name: 'Responsibilities (A.10.2)' });
  for (const activity of [
    'Providing data',
    'Developing or fine-tuning the model',
    'Ensuring human oversight',
  ])
    await expect(responsibilities.getByRole('rowheader', { name: activity })).toBeVisible();
  await expect(responsibilities.getByRole('row')).toHaveCount(8);
  // A bought service: the supplier develops the model, the organisation provides its own data.
  await expect(
    responsibilities.getByRole('combobox', { name: 'Developing or fine-tuning the model: who' }),
  ).toHaveValue('supplier');
  await expect(responsibilities.getByRole('combobox', { name: 'Providing data: who' })).toHaveValue(
    'organisation',
  );
  await page.screenshot({ path: join(screenshots, 'whole-loop-5-inventory-detail.png'), fullPage: true });
});
