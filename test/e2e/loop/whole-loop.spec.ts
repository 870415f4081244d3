import { join, resolve } from 'node:path';
import { test } from '@playwright/test';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import { linkIn } from '../support/assessment-smtp';
import { browserSessions } from '../support/browser-sessions';
import { EXTENSION_ID, syncPolicyNow } from '../support/extension-browser';
import {
  approver,
  CONDITIONS,
  EMPLOYEE,
  FLAGGED_ID,
  OVERRIDDEN_ID,
  OVERRIDE_REASON,
  PEN_TEST_FILE,
  procurement,
  reviewer,
  SERVICE,
  VENDOR,
} from '../support/loop-cast';
import { askForAccess, openPopupFor } from '../support/loop-employee-steps';
import { expectSupplierOfABoughtService } from '../support/loop-inventory-checks';
import { questionIn } from '../support/loop-questionnaire';
import {
  addVendorWithPrimaryContact,
  decisionPosted,
  fillApprovalWithConditions,
  openDecisionDialog,
  overridePoints,
  recordedDecision,
  resolveFinding,
  sentQuestionnaire,
} from '../support/loop-staff-steps';
import { expect, MAIL_WAIT } from '../support/loop-timing';
import { answerAsAStrongVendor, uploadEvidenceForEveryFileQuestion } from '../support/loop-vendor-steps';
import { type LoopWorld, loopWorld } from '../support/loop-world';

/**
 * The whole loop as people do it: an employee meets the warning page and asks for access; procurement
 * assesses the service; the vendor answers by mail; a reviewer verifies, overrides and flags; the
 * approver is held back by the open finding, then approves with conditions once it is resolved; the
 * employee's browser shows the conditions instead of the warning; the inventory lists the system.
 * The people, the service and the steps' form-filling are in ../support/loop-*.ts.
 */
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const screenshots = resolve(import.meta.dirname, '../../test-results');
const world = loopWorld();
let portal: LoopWorld['portal'];
let smtp: LoopWorld['smtp'];
let sites: LoopWorld['sites'];
let extension: LoopWorld['extension'];
const sessions = browserSessions(() => portal.url);
let assessmentPath: string;
/** The questionnaire as sent with this assessment (read back from the portal, not assumed). */
let template: Template;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(420_000);
  ({ portal, smtp, sites, extension } = await world.start(playwright.request));
});

test.afterAll(async () => {
  await sessions.closeAll();
  await world.stop();
});

test('the extension warns the employee away from an unapproved service, and they ask for access', async () => {
  const page = await extension.context.newPage();
  await page.goto(sites.url(SERVICE.host));
  await expect(page).toHaveURL(new RegExp(`^chrome-extension://${EXTENSION_ID}/warning\\.html#`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${SERVICE.name} is not approved by Acme`);
  await askForAccess(page);
  await expect(page.getByRole('status')).toContainText('Your request was sent to Acme');
  await page.close();
});

test('procurement starts the assessment from the request; the request shows as in assessment', async ({
  browser,
}) => {
  const page = await sessions.staffPage(browser, procurement);
  await addVendorWithPrimaryContact(page, VENDOR);

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
  template = await sentQuestionnaire(page, portal.url, assessmentPath);

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
  const context = await sessions.newContext(browser);
  const vendor = await context.newPage();
  await vendor.goto(link);
  await expect(vendor.getByRole('heading', { level: 1, name: template.title })).toBeVisible();
  await vendor.locator('main section.q-section').first().waitFor();
  await answerAsAStrongVendor(vendor, template);
  // The pen test's file is verified by the reviewer later.
  await uploadEvidenceForEveryFileQuestion(vendor, template);
  await expect(vendor.getByText(/questions answered/)).toHaveText(/^(\d+) of \1 questions answered$/);
  await expect(vendor.getByRole('status').filter({ hasText: /Saved at|All answers saved/ })).toBeVisible();
  await vendor.getByRole('button', { name: 'Submit answers' }).click();
  await expect(vendor.getByText(/^Submitted on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await context.close();
});

test('a reviewer verifies the file, overrides one answer with a reason and flags a finding', async ({
  browser,
}) => {
  const page = await sessions.staffPage(browser, reviewer);
  await page.goto(`${portal.url}${assessmentPath}`);
  await expect(page.getByTestId('assessment-state')).toHaveText('Submitted');
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByTestId('assessment-state')).toHaveText('Under review');

  await page.getByRole('button', { name: `Mark verified (${PEN_TEST_FILE})` }).click();
  await expect(page.getByRole('button', { name: `Withdraw verification (${PEN_TEST_FILE})` })).toBeVisible();

  const OVERRIDDEN = questionIn(template, OVERRIDDEN_ID);
  const FLAGGED = questionIn(template, FLAGGED_ID);
  const score = page.getByRole('region', { name: 'Score', exact: true });
  const overridden = score.getByRole('row', { name: new RegExp(OVERRIDDEN.id.replace('.', '\\.')) });
  await overridePoints(overridden, OVERRIDDEN, '100', OVERRIDE_REASON);
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
  const FLAGGED = questionIn(template, FLAGGED_ID);
  const page = await sessions.staffPage(browser, approver);
  await page.goto(`${portal.url}${assessmentPath}`);
  await expect(page.getByTestId('assessment-state')).toHaveText('Under review');
  const dialog = await openDecisionDialog(page);
  await expect(dialog.getByRole('status')).toContainText('1 finding is still open');
  await expect(dialog.getByRole('status')).toContainText(FLAGGED.text);
  await fillApprovalWithConditions(dialog, CONDITIONS);
  await page.screenshot({ path: join(screenshots, 'whole-loop-2-decision-dialog.png') });

  const refused = decisionPosted(page, assessmentPath);
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
  const FLAGGED = questionIn(template, FLAGGED_ID);
  const page = await sessions.staffPage(browser, reviewer);
  await page.reload();
  const row = page.getByRole('table', { name: 'Findings' }).getByTestId('finding-row');
  await resolveFinding(row, FLAGGED, 'Red-team report seen on a call with the vendor');
  await expect(row.getByText('Resolved', { exact: true })).toBeVisible();
});

test('the approver approves with conditions; the requester is told by mail', async ({ browser }) => {
  const page = await sessions.staffPage(browser, approver);
  await page.reload();
  const dialog = await openDecisionDialog(page);
  await expect(dialog.getByText('still open')).toHaveCount(0);
  await fillApprovalWithConditions(dialog, CONDITIONS);
  const recorded = decisionPosted(page, assessmentPath);
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

  const popup = await openPopupFor(extension, sites.url(SERVICE.host));
  const site = popup.getByRole('region', { name: 'This site' });
  await expect(site).toContainText('Approved with conditions');
  await expect(site).toContainText(`Conditions: ${CONDITIONS}`);
  await expect(site.getByTestId('request-standing')).toHaveText('Approved with the conditions above.');
  await popup.screenshot({ path: join(screenshots, 'whole-loop-4-popup.png'), fullPage: true });
  await popup.close();
});

test("the inventory lists the system with its supplier's tier and responsibilities", async ({ browser }) => {
  const page = await sessions.staffPage(browser, procurement);
  const decision = await recordedDecision(page, portal.url, assessmentPath);
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

  await expectSupplierOfABoughtService(page, VENDOR.name, decision.tier);
  await page.screenshot({ path: join(screenshots, 'whole-loop-5-inventory-detail.png'), fullPage: true });
});
