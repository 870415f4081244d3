import type { Locator, Page, Response } from '@playwright/test';
import type { Question, Template } from '@sightline/shared/questionnaire/template-schema';
import type { VENDOR } from './loop-cast';
import { expect } from './loop-timing';

/** From any staff page: adds the vendor and its primary contact, leaving the browser on the vendor. */
export async function addVendorWithPrimaryContact(page: Page, vendor: typeof VENDOR) {
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  const addVendor = page.getByRole('form', { name: 'Add a vendor' });
  await addVendor.getByLabel('Name').fill(vendor.name);
  await addVendor.getByLabel('Website').fill(vendor.website);
  await addVendor.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 1, name: vendor.name })).toBeVisible();
  const addContact = page.getByRole('form', { name: 'Add a contact' });
  await addContact.getByLabel('Name').fill(vendor.contact);
  await addContact.getByLabel('Email').fill(vendor.email);
  await addContact.getByLabel('Primary contact').check();
  await addContact.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('cell', { name: vendor.email })).toBeVisible();
}

/** In the score table's row of `question`: overrides its points (a percentage) with a reason. */
export async function overridePoints(row: Locator, question: Question, points: string, reason: string) {
  await row.getByText(`Override the points of “${question.text}”`).click();
  await row.getByLabel('Points (% of full assurance)').fill(points);
  await row.getByLabel('Reason (kept with the score)').fill(reason);
  await row.getByRole('button', { name: 'Save override' }).click();
}

/** In the findings table's row of `question`: resolves the finding with a note. */
export async function resolveFinding(row: Locator, question: Question, note: string) {
  await row.getByText(`Manage “${question.text}”`).click();
  await row
    .getByRole('combobox', { name: /^Change status/ })
    .selectOption({ label: 'Resolve (the fix holds)' });
  await row.getByLabel('Note (required to accept a risk)').fill(note);
  await row.getByRole('button', { name: 'Apply' }).click();
}

export async function openDecisionDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Record the decision…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decision' });
  await expect(dialog).toBeVisible();
  return dialog;
}

export async function fillApprovalWithConditions(dialog: Locator, conditions: string) {
  await dialog.getByRole('radio', { name: /^Approve with conditions/ }).check();
  await dialog.getByLabel(/^Conditions staff must follow/).fill(conditions);
  await dialog.getByLabel(/^Reason/).fill('Strong answers; limited to non-sensitive data for now.');
}

/** The portal's answer to the decision the dialog posts; call before clicking "Record decision". */
export function decisionPosted(page: Page, assessmentPath: string): Promise<Response> {
  return page.waitForResponse(
    (r) => r.url().endsWith(`/api${assessmentPath}/decision`) && r.request().method() === 'POST',
  );
}

/** The questionnaire as sent with the assessment, read back through the staff API. */
export async function sentQuestionnaire(page: Page, portalUrl: string, assessmentPath: string) {
  const detail = await page.request.get(`${portalUrl}/api${assessmentPath}`);
  return ((await detail.json()) as { questions: Template }).questions;
}

export async function recordedDecision(page: Page, portalUrl: string, assessmentPath: string) {
  return (await (await page.request.get(`${portalUrl}/api${assessmentPath}/decision`)).json()) as {
    tier: string;
    residualTier: string;
    aiSystemId: string;
  };
}
