import type { Page } from '@playwright/test';
import type { Template } from '@sightline/shared/questionnaire/template-schema';
import { answerVisibleQuestions } from './assessment-vendor-page';
import { questionsOf, strongAnswers } from './loop-questionnaire';
import { expect } from './loop-timing';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Answers every question shown as a vendor with good practice would (see strongAnswers). */
export async function answerAsAStrongVendor(vendor: Page, template: Template) {
  // Version 1 asks the vendor what we will use the service for (version 2 takes it from us).
  const purpose = vendor.getByLabel('In a few sentences, what will the service do for our organisation? *');
  if ((await purpose.count()) > 0)
    await purpose.fill('Drafting replies to support tickets from internal help articles');
  await answerVisibleQuestions(vendor, strongAnswers(template));
}

/**
 * A vendor with nothing to hide uploads a file for every upload question, named after the question
 * (`evd.pen_test` gives `evd-pen_test.pdf`), with an expiry date where one is asked.
 */
export async function uploadEvidenceForEveryFileQuestion(vendor: Page, template: Template) {
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
}
