import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Adds a vendor from the Vendors page and leaves the browser on its detail page. */
export async function addVendor(page: Page, name: string) {
  await page.getByRole('link', { name: 'Vendors', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add a vendor' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add vendor' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * From the detail page of a vendor with no assessment yet (its empty state offers the first one):
 * creates and sends an assessment to the respondent. Without SMTP the portal shows the link once; it
 * is returned.
 */
export async function createAndSendAssessment(
  page: Page,
  respondent: { name: string; email: string },
): Promise<string> {
  await page.getByRole('link', { name: 'Send this vendor an assessment' }).click();
  await page.getByLabel('Respondent name').fill(respondent.name);
  await page.getByLabel('Respondent email').fill(respondent.email);
  await page.getByRole('button', { name: 'Create and send' }).click();
  await expect(page.getByTestId('assessment-state')).toHaveText('Sent');
  return page.getByLabel('Questionnaire link').inputValue();
}
